"use client";

import "~/lib/zod-jitless";

import { ThemeProvider } from "next-themes";
import { useEffect } from "react";

// The tRPC client and its query cache are provided by the layouts that use them (the signed-in
// pages, sign-up): the sign-in form and the other public pages load none of their script.
export function Providers({ children, nonce }: { children: React.ReactNode; nonce?: string }) {
  // Effects run children first: once this one has, the page answers input (the browser tests
  // wait for it rather than guess; a field changed before hydration would be reset).
  useEffect(() => {
    document.documentElement.dataset.hydrated = "";
  }, []);
  return (
    <ThemeProvider
      nonce={nonce}
      attribute="class"
      defaultTheme="system"
      enableSystem
      // No `disableTransitionOnChange`: it restyles the whole page twice on every load. The
      // theme toggle turns transitions off itself (`lib/theme-change.ts`).
    >
      {children}
    </ThemeProvider>
  );
}
