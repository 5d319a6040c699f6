"use client";

import "~/lib/zod-jitless";

import { useEffect } from "react";

// The tRPC client and its query cache are provided by the layouts that use them (the signed-in
// pages, sign-up): the sign-in form and the other public pages load none of their script. The
// theme needs no provider: the head's script sets it (`ThemeScript`), the toggle keeps it.
export function Providers({ children }: { children: React.ReactNode }) {
  // Effects run children first: once this one has, the page answers input (the browser tests
  // wait for it rather than guess; a field changed before hydration would be reset).
  useEffect(() => {
    document.documentElement.dataset.hydrated = "";
  }, []);
  return children;
}
