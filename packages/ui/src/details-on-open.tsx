"use client";

import type { ComponentProps, ReactNode } from "react";
import { useState } from "react";

export interface DetailsOnOpenProps extends Omit<ComponentProps<"details">, "children"> {
  summary: ReactNode;
  summaryClassName?: string;
  /** Rendered the first time the details open, then kept (with whatever was typed in it). */
  children: ReactNode;
}

/**
 * A `<details>` whose content is rendered only once it has been opened. A page with many closed
 * forms (a case's twenty contacts, each with its own) otherwise sends, lays out and hydrates
 * every one of them before anyone taps.
 */
export function DetailsOnOpen({
  summary,
  summaryClassName,
  children,
  onToggle,
  ...props
}: DetailsOnOpenProps) {
  const [opened, setOpened] = useState(Boolean(props.open));
  return (
    <details
      {...props}
      onToggle={(event) => {
        if (event.currentTarget.open) setOpened(true);
        onToggle?.(event);
      }}
    >
      <summary className={summaryClassName}>{summary}</summary>
      {opened && children}
    </details>
  );
}
