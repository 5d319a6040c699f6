import { themeScript } from "~/lib/theme-script";

/** The theme on <html> before the first paint; it carries the response's nonce to run under the CSP. */
export function ThemeScript({ nonce }: { nonce: string | undefined }) {
  // The browser hides a nonce from the DOM once the script ran: no hydration warning for it.
  return (
    <script
      nonce={nonce}
      suppressHydrationWarning
      dangerouslySetInnerHTML={{ __html: themeScript }}
    />
  );
}
