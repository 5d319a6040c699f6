// Where to go after signing in (`/sign-in?next=…`): a page of this site only. Anything that
// could leave it — another origin, `//host`, `/\host` (browsers read it as `//host`), a
// scheme, control characters — is refused, so a link cannot send someone signing in to a
// lookalike site (OWASP ASVS 5.1.5, unvalidated redirects).

const origin = "https://caseward.invalid";

/** The request header the proxy writes the page's path and query into. */
export const requestPathHeader = "x-caseward-path";

/** `next` as a same-site path with its query (`/settings/x?token=…`), or null. */
export function safeNextPath(next: string | string[] | undefined | null): string | null {
  if (typeof next !== "string" || next.length === 0 || next.length > 2048) return null;
  if (!next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return null;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\\]/.test(next)) return null;
  let url: URL;
  try {
    url = new URL(next, origin);
  } catch {
    return null;
  }
  if (url.origin !== origin) return null;
  // The API is not a page to land on.
  if (url.pathname.startsWith("/api/")) return null;
  return `${url.pathname}${url.search}`;
}

/** The sign-in page's address that comes back to `path` afterwards. */
export const signInComingBackTo = (path: string) =>
  `/sign-in?${new URLSearchParams({ next: path }).toString()}`;
