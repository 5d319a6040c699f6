import { parse } from "tldts";

/**
 * The registrable domain of a website the user typed ("https://www.rbc.com/contact" → "rbc.com"),
 * or null when it is not a public web address. Channel checks compare against this.
 */
export function officialDomainOf(website: string): string | null {
  const trimmed = website.trim();
  if (!trimmed || /\s/.test(trimmed)) return null;
  const withScheme = /^[a-z][a-z\d+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return null;
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return null;
  const parsed = parse(url.hostname);
  if (parsed.isIp || !parsed.domain || !parsed.isIcann) return null;
  return parsed.domain;
}

/** The canonical form of the website we store: https + host + path, no query or fragment. */
export function canonicalWebsite(website: string): string {
  const trimmed = website.trim();
  const url = new URL(/^[a-z][a-z\d+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`);
  return `${url.protocol}//${url.host.toLowerCase()}${url.pathname === "/" ? "" : url.pathname}`;
}
