"use client";

import type { ComponentType } from "react";

import { TRPCReactProvider } from "./react";

/**
 * A part loaded on use (a dialog's form) with the tRPC client and query cache it needs, for a
 * page whose layout gives none (the dashboard): import this module with the part, never
 * statically, or the first load carries tRPC again. Under a layout that gives them already,
 * the part shares the same query cache (`getQueryClient`).
 */
export function withTRPC<Props extends object>(Part: ComponentType<Props>) {
  function WithTRPC(props: Props) {
    return (
      <TRPCReactProvider>
        <Part {...props} />
      </TRPCReactProvider>
    );
  }
  WithTRPC.displayName = `WithTRPC(${Part.displayName ?? Part.name})`;
  return WithTRPC;
}
