import type { Metadata, Viewport } from "next";
import { headers } from "next/headers";
import { getLocale } from "next-intl/server";

import { Providers } from "./providers";
import { ThemeScript } from "./theme-script";

import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Caseward", template: "%s · Caseward" },
  description: "Every open support case in one place, and a safe way through each contact.",
};

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#ffffff" },
    { media: "(prefers-color-scheme: dark)", color: "#09090b" },
  ],
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // The proxy's per-request nonce: the theme's inline script must carry it to run under the
  // Content-Security-Policy. Reading it also renders every page per request, as nonces need.
  // `suppressHydrationWarning`: the script sets <html>'s class before React sees it.
  const [nonce, locale] = await Promise.all([
    headers().then((h) => h.get("x-nonce") ?? undefined),
    getLocale(),
  ]);
  return (
    <html lang={locale} suppressHydrationWarning>
      <head>
        <ThemeScript nonce={nonce} />
      </head>
      <body className="min-h-dvh bg-background text-foreground antialiased">
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
