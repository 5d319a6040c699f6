"use client";

import "~/lib/zod-jitless";

import { ThemeProvider } from "next-themes";
import { useEffect } from "react";

import { TRPCReactProvider } from "~/trpc/react";

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
      disableTransitionOnChange
    >
      <TRPCReactProvider>{children}</TRPCReactProvider>
    </ThemeProvider>
  );
}
