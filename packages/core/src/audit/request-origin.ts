import { isIP } from "node:net";

import { clientAddressHeader, clientAddressOf } from "./client-address";

/** Where a request came from, as the security activity list shows it. */
export interface RequestOrigin {
  /** Browser and system from the User-Agent, e.g. "Chrome on Linux". */
  device: string;
  /** Approximate place: a city/country set by the proxy, "this network", or a network prefix. */
  place: string;
}

// Order matters: Edge and Opera also say "Chrome", Chrome also says "Safari".
const browsers: [RegExp, string][] = [
  [/\bEdg(?:e|A|iOS)?\//, "Edge"],
  [/\bOPR\/|\bOpera\b/, "Opera"],
  [/\bFirefox\/|\bFxiOS\//, "Firefox"],
  [/\bSamsungBrowser\//, "Samsung Internet"],
  [/\b(?:Headless)?Chrom(?:e|ium)\/|\bCriOS\//, "Chrome"],
  [/\bVersion\/[\d.]+.*\bSafari\//, "Safari"],
  [/^curl\//, "curl"],
];
const systems: [RegExp, string][] = [
  [/\bAndroid\b/, "Android"],
  [/\biPhone\b|\biPad\b|\biPod\b/, "iOS"],
  [/\bWindows\b/, "Windows"],
  [/\bCrOS\b/, "ChromeOS"],
  [/\bMac OS X\b|\bMacintosh\b/, "macOS"],
  [/\bLinux\b|\bX11\b/, "Linux"],
];

/** "Chrome on Linux" from a User-Agent header; no version numbers, they only add noise. */
export function deviceOf(userAgent: string | null | undefined): string {
  const ua = (userAgent ?? "").slice(0, 512);
  const browser = browsers.find(([pattern]) => pattern.test(ua))?.[1];
  const system = systems.find(([pattern]) => pattern.test(ua))?.[1];
  if (browser && system) return `${browser} on ${system}`;
  return browser ?? (system ? `A browser on ${system}` : "Unknown device");
}

const countryNames = new Intl.DisplayNames(["en"], { type: "region" });

function countryName(code: string | null) {
  const upper = code?.trim().toUpperCase();
  // Cloudflare: XX = unknown, T1 = Tor.
  if (!upper || !/^[A-Z][A-Z0-9]$/.test(upper) || upper === "XX") return undefined;
  if (upper === "T1") return "Tor network";
  try {
    return countryNames.of(upper) ?? upper;
  } catch {
    return upper;
  }
}

function decoded(value: string | null) {
  if (!value) return undefined;
  try {
    return decodeURIComponent(value).slice(0, 80).trim() || undefined;
  } catch {
    return undefined;
  }
}

/**
 * ::1, also as better-auth stores it: cut to its /64 network (`ipv6Subnet`, the rate limiter's
 * unit), which is `::`. No other client address falls in ::/64 (IPv4-mapped ones are unwrapped
 * before the cut), so `::` is this computer opened at http://[::1]:PORT.
 */
const isIPv6Loopback = (address: string) => address === "::1" || address === "::";

/** Loopback, private (RFC 1918), carrier-grade NAT, link-local and unique-local addresses. */
function isLocal(address: string) {
  if (isIP(address) === 4) {
    const [a, b] = address.split(".").map(Number) as [number, number];
    return (
      a === 127 ||
      a === 10 ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) ||
      (a === 100 && b >= 64 && b <= 127) ||
      (a === 169 && b === 254)
    );
  }
  const lower = address.toLowerCase();
  return isIPv6Loopback(lower) || /^f[cd]/.test(lower) || /^fe[89ab]/.test(lower);
}

/** The IPv6 address's first 48 bits (a site), written out without compression. */
function ipv6Prefix48(address: string) {
  const [head = "", tail = ""] = address.toLowerCase().split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = address.includes("::")
    ? [...left, ...Array<string>(8 - left.length - right.length).fill("0"), ...right]
    : left;
  return `${groups
    .slice(0, 3)
    .map((g) => g.replace(/^0+(?=.)/, ""))
    .join(":")}::/48`;
}

/**
 * An approximate place. There is no GeoIP database offline, so: the city/country a CDN or
 * hosting proxy puts in its headers (Cloudflare `cf-ipcountry`/`cf-ipcity`, Vercel
 * `x-vercel-ip-country`/`x-vercel-ip-city`) when present; "this network" for loopback and
 * private addresses; otherwise the address cut to its /24 (IPv4) or /48 (IPv6) network, which
 * names the provider's block without pinning one household.
 */
export function placeOf(headers: Headers, address: string | null | undefined): string {
  const country =
    countryName(headers.get("x-vercel-ip-country")) ?? countryName(headers.get("cf-ipcountry"));
  const city = decoded(headers.get("x-vercel-ip-city")) ?? decoded(headers.get("cf-ipcity"));
  if (country) return city ? `${city}, ${country}` : country;

  const ip = canonicalAddress(address) ?? "";
  const version = isIP(ip);
  if (version === 0) return "Unknown place";
  if (isLocal(ip)) return "This network";
  if (version === 4) return `${ip.split(".").slice(0, 3).join(".")}.0/24`;
  return ipv6Prefix48(ip);
}

/**
 * An IP address as people write it: IPv6 compressed (better-auth stores the expanded
 * `0000:0000:…` form), and an IPv4 address carried in IPv6 (`::ffff:127.0.0.1`) as IPv4.
 * Undefined when it is not an address.
 */
export function canonicalAddress(address: string | null | undefined): string | undefined {
  const text = address?.trim() ?? "";
  if (isIP(text) === 4) return text;
  if (isIP(text) !== 6) return undefined;
  const compressed = new URL(`http://[${text}]`).hostname.slice(1, -1);
  const mapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(compressed);
  if (mapped) {
    const [high, low] = [parseInt(mapped[1]!, 16), parseInt(mapped[2]!, 16)];
    return [high >> 8, high & 255, low >> 8, low & 255].join(".");
  }
  return compressed;
}

/** A device's address on the "where you're signed in" list: "This computer" for loopback. */
export function addressForPeople(address: string | null | undefined): string | null {
  const ip = canonicalAddress(address);
  if (!ip) return null;
  if (isIPv6Loopback(ip) || ip.startsWith("127.")) return "This computer";
  return ip;
}

/**
 * The client's address: what the web proxy worked out for this request (`x-caseward-client`,
 * set on every request from TRUSTED_PROXIES: ./client-address.ts), else the same rule with no
 * trusted proxy (the socket's own address).
 */
export function addressOf(headers: Headers): string | undefined {
  return headers.get(clientAddressHeader)?.trim() || clientAddressOf(headers);
}

/** Device and place of a request, from its headers (and the address, when known otherwise). */
export function requestOrigin(headers: Headers, address = addressOf(headers)): RequestOrigin {
  return { device: deviceOf(headers.get("user-agent")), place: placeOf(headers, address) };
}
