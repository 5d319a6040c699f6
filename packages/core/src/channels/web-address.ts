import { siteDomainOf } from "./domains";

/** A link or an email address someone typed, parsed and put in canonical form. */
export type WebAddress =
  | {
      type: "url";
      url: URL;
      /** ASCII (punycode) hostname, lowercase. */
      hostname: string;
      /** `new URL(...).toString()`, host lowercased. */
      normalized: string;
      /** Whatever sits before an "@" in the link (https://bank.com@evil.net), decoded. */
      disguise: string;
    }
  | { type: "email"; hostname: string; normalized: string };

export type ParsedWebAddress = { ok: true; address: WebAddress } | { ok: false; problem: string };

const failed = (problem: string): ParsedWebAddress => ({ ok: false, problem });

const notEmail = "This is not a valid email address.";
const notWebAddress = "This is not a valid web address.";

// Mail clients copy addresses as "Bank Support <support@bank.com>".
const namedAddress = /^[^<>]*<([^<>\s]+@[^<>\s]+)>$/;
const bareAddress = /^[^\s/:@<>]+@[^\s/:@<>]+$/;
const localPart = /^[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+(?:\.[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+)*$/u;
const scheme = /^([a-z][a-z0-9+.-]*):/i;
// Schemes that are worth refusing loudly even when they show up in a free-text channel.
const linkSchemes = new Set([
  "http",
  "https",
  "mailto",
  "ftp",
  "javascript",
  "data",
  "vbscript",
  "file",
  "blob",
]);

/** The scheme a value starts with ("https", "javascript"…), lowercase, or null if none. */
function schemeOf(text: string): string | null {
  const match = scheme.exec(text);
  if (!match?.[1]) return null;
  const rest = text.slice(match[0].length);
  // To a regex, a host and port look like a scheme: "bank.com:8443/help" has none.
  if (!rest.startsWith("//") && /^\d+(?:[/?#]|$)/.test(rest)) return null;
  return match[1].toLowerCase();
}

function isEmailShaped(text: string): boolean {
  return /^mailto:/i.test(text) || bareAddress.test(text) || namedAddress.test(text);
}

/** The lowercase ASCII (punycode) form of a typed host name, or null when it cannot be one. */
function hostnameOf(host: string): string | null {
  if (!/^[^\s/\\?#@:%[\]]+$/u.test(host)) return null;
  try {
    return new URL(`https://${host}`).hostname.replace(/\.$/, "") || null;
  } catch {
    return null;
  }
}

function parseEmail(value: string): ParsedWebAddress {
  let text = namedAddress.exec(value)?.[1]?.trim() ?? value;
  if (/^mailto:/i.test(text)) {
    // Subject and body parameters say nothing about who receives the mail.
    text = text.slice("mailto:".length).split("?")[0] ?? "";
    try {
      text = decodeURIComponent(text);
    } catch {
      return failed(notEmail);
    }
  }
  if (text.includes(",")) return failed("Enter one email address at a time.");
  const at = text.lastIndexOf("@");
  const local = text.slice(0, Math.max(at, 0));
  if (at < 1 || local.length > 64 || !localPart.test(local)) return failed(notEmail);
  const hostname = hostnameOf(text.slice(at + 1));
  if (hostname === null) return failed(notEmail);
  return {
    ok: true,
    address: { type: "email", hostname, normalized: `${local.toLowerCase()}@${hostname}` },
  };
}

function parseUrl(text: string, urlScheme: string | null): ParsedWebAddress {
  if (urlScheme !== null && urlScheme !== "http" && urlScheme !== "https") {
    return failed(
      `Links that start with "${urlScheme}:" are not web pages or email addresses: only http, https and mailto links are accepted.`,
    );
  }
  if (/\s/.test(text)) return failed(notWebAddress);
  let url: URL;
  try {
    // People type "bank.com/contact"; browsers would go to https.
    url = new URL(urlScheme === null ? `https://${text}` : text);
  } catch {
    return failed(notWebAddress);
  }
  const hostname = url.hostname.replace(/\.$/, "");
  if (!hostname) return failed(notWebAddress);
  url.hostname = hostname;
  let disguise = url.username;
  try {
    disguise = decodeURIComponent(disguise);
  } catch {
    // Keep the raw form; it is only quoted back to the user.
  }
  return {
    ok: true,
    address: { type: "url", url, hostname, normalized: url.toString(), disguise },
  };
}

/**
 * Parses "support@bank.com", "mailto:…", "https://…" or a bare "bank.com/contact"; with
 * `emailOnly`, anything but an email address is refused.
 */
export function parseWebAddress(value: string, emailOnly = false): ParsedWebAddress {
  const text = value.trim();
  if (isEmailShaped(text)) return parseEmail(text);
  const parsed = parseUrl(text, schemeOf(text));
  if (!emailOnly) return parsed;
  if (!parsed.ok) return parsed.problem === notWebAddress ? failed(notEmail) : parsed;
  return failed(text.includes("@") ? notEmail : "This is a web address, not an email address.");
}

/**
 * Whether free text (a postal address, an executive's name…) is in fact a link or an email
 * address and must be checked like one.
 */
export function looksLikeWebAddress(value: string): boolean {
  const text = value.trim();
  if (isEmailShaped(text)) return true;
  if (/\s/.test(text)) return false;
  const textScheme = schemeOf(text);
  if (textScheme !== null)
    return linkSchemes.has(textScheme) || text.slice(textScheme.length + 1).startsWith("//");
  const host = /^[^/?#:]+/.exec(text)?.[0] ?? "";
  const site = siteDomainOf(host);
  // A one-letter name before the ending is more likely "P.O.Box" than a website.
  return site !== null && Array.from(site.label).length > 1;
}
