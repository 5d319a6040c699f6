import { describe, expect, it } from "vitest";

import { clientAddressOf, parseTrustedProxies } from "./client-address";
import { addressOf } from "./request-origin";

const headers = (forwardedFor: string | null, peer: string | null) => {
  const result = new Headers();
  if (forwardedFor !== null) result.set("x-forwarded-for", forwardedFor);
  if (peer !== null) result.set("x-caseward-peer", peer);
  return result;
};

// Issue 18, finding 6: the probe dodged the per-address limits and wrote any address into
// the session list by sending X-Forwarded-For itself.
describe("the client's address", () => {
  it.each([
    [
      "no proxy: the socket's address, whatever the client wrote",
      "6.6.6.6",
      "203.0.113.9",
      undefined,
      "203.0.113.9",
    ],
    [
      "no proxy, a client that wrote several",
      "1.1.1.1, 6.6.6.6",
      "203.0.113.9",
      undefined,
      "203.0.113.9",
    ],
    ["no header at all: the socket", null, "::ffff:198.51.100.7", undefined, "198.51.100.7"],
    [
      "behind a trusted proxy: the hop it added",
      "6.6.6.6, 198.51.100.7",
      "10.0.0.5",
      "10.0.0.0/8",
      "198.51.100.7",
    ],
    [
      "two trusted proxies",
      "6.6.6.6, 198.51.100.7, 10.1.2.3",
      "10.0.0.5",
      "10.0.0.0/8",
      "198.51.100.7",
    ],
    [
      "a lie left of the real hop is never read",
      "203.0.113.1, 198.51.100.7",
      "127.0.0.1",
      "127.0.0.1",
      "198.51.100.7",
    ],
    ["an IPv6 proxy", "2001:db8::7", "::1", "::1", "2001:db8::7"],
    [
      "IPv4 carried in IPv6 counts as IPv4",
      "198.51.100.7",
      "::ffff:127.0.0.1",
      "127.0.0.1",
      "198.51.100.7",
    ],
    ["only proxies: the first hop", "10.0.0.9", "10.0.0.5", "10.0.0.0/8", "10.0.0.9"],
    ["garbage is skipped", "not-an-ip", "203.0.113.9", "203.0.113.9", "203.0.113.9"],
  ])("%s", (_name, forwardedFor, peer, trusted, expected) => {
    expect(clientAddressOf(headers(forwardedFor, peer), parseTrustedProxies(trusted))).toBe(
      expected,
    );
  });

  it("refuses a TRUSTED_PROXIES entry that is not an address or range, with a sentence", () => {
    expect(() => parseTrustedProxies("10.0.0.0/8, proxy.local")).toThrow(
      'TRUSTED_PROXIES: "proxy.local" is not an address or a range such as 10.0.0.0/8.',
    );
    expect(() => parseTrustedProxies("10.0.0.0/33")).toThrow(/10\.0\.0\.0\/33/);
    expect(parseTrustedProxies(" 10.0.0.0/8 , ::1 ").has("10.200.0.1")).toBe(true);
  });

  it("is what the web proxy worked out when it did, else the socket's", () => {
    const worked = headers("6.6.6.6", "203.0.113.9");
    expect(addressOf(worked)).toBe("203.0.113.9");
    worked.set("x-caseward-client", "198.51.100.7");
    expect(addressOf(worked)).toBe("198.51.100.7");
  });
});
