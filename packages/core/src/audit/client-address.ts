import { BlockList, isIP } from "node:net";

// Which address a request came from (issue 18, finding 6). X-Forwarded-For is a list each
// proxy appends to, so only the entries added by proxies we run can be believed: the client's
// address is the right-most entry that is not one of them. TRUSTED_PROXIES names them; by
// default there are none and the address is the socket's own (`x-caseward-peer`, set by the
// HTTP server: patches/next@16.4.6.patch), whatever the client wrote.

/** The header the web proxy sets on every request to the address it worked out. */
export const clientAddressHeader = "x-caseward-client";
/** The header the HTTP server sets to the socket's address (never the client's words). */
export const peerAddressHeader = "x-caseward-peer";

/** An address as people write it: IPv4 carried in IPv6 (`::ffff:1.2.3.4`) as IPv4. */
function plainAddress(text: string): string | undefined {
  const trimmed = text.trim().replace(/^\[(.*)\]$/, "$1");
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(trimmed);
  if (mapped) return mapped[1];
  return isIP(trimmed) ? trimmed.toLowerCase() : undefined;
}

export interface TrustedProxies {
  has(address: string): boolean;
}

/**
 * TRUSTED_PROXIES: addresses and ranges (`10.0.0.0/8`, `::1`), separated by commas. Throws a
 * sentence on an entry that is neither.
 */
export function parseTrustedProxies(list: string | undefined): TrustedProxies {
  const blocks = new BlockList();
  for (const entry of (list ?? "")
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean)) {
    const [address = "", bits] = entry.split("/");
    const ip = plainAddress(address);
    const family = ip ? (isIP(ip) === 4 ? "ipv4" : "ipv6") : undefined;
    const prefix = bits === undefined ? undefined : Number(bits);
    const maxBits = family === "ipv4" ? 32 : 128;
    if (
      !ip ||
      !family ||
      (prefix !== undefined && (!Number.isInteger(prefix) || prefix < 0 || prefix > maxBits))
    ) {
      throw new Error(
        `TRUSTED_PROXIES: "${entry}" is not an address or a range such as 10.0.0.0/8.`,
      );
    }
    if (prefix === undefined) blocks.addAddress(ip, family);
    else blocks.addSubnet(ip, prefix, family);
  }
  return {
    has: (address) => {
      const ip = plainAddress(address);
      if (!ip) return false;
      return blocks.check(ip, isIP(ip) === 4 ? "ipv4" : "ipv6");
    },
  };
}

/**
 * The client's address: the hops of X-Forwarded-For, then the socket's own, read from the
 * right; the first one that is not a trusted proxy. Undefined when there is none at all.
 */
export function clientAddressOf(
  headers: Headers,
  trusted: TrustedProxies = parseTrustedProxies(undefined),
): string | undefined {
  const hops = [
    ...(headers.get("x-forwarded-for") ?? "").split(","),
    headers.get(peerAddressHeader) ?? "",
  ]
    .map(plainAddress)
    .filter((hop): hop is string => hop !== undefined);
  for (let i = hops.length - 1; i >= 0; i--) {
    if (!trusted.has(hops[i]!)) return hops[i];
  }
  // Every hop is a proxy of ours: the first one is as far as can be seen.
  return hops[0];
}
