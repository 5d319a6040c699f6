import { describe, expect, it } from "vitest";

import { addressForPeople, deviceOf, placeOf, requestOrigin } from "./request-origin";

describe("deviceOf", () => {
  it.each([
    [
      "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36",
      "Chrome on Linux",
    ],
    [
      "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/142.0.0.0 Safari/537.36",
      "Chrome on Linux",
    ],
    [
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36 Edg/142.0.0.0",
      "Edge on Windows",
    ],
    [
      "Mozilla/5.0 (Macintosh; Intel Mac OS X 14.6; rv:133.0) Gecko/20100101 Firefox/133.0",
      "Firefox on macOS",
    ],
    [
      "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1",
      "Safari on iOS",
    ],
    [
      "Mozilla/5.0 (Linux; Android 15; Pixel 9) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Mobile Safari/537.36",
      "Chrome on Android",
    ],
    ["curl/8.5.0", "curl"],
    ["", "Unknown device"],
    [null, "Unknown device"],
  ])("%j → %s", (ua, device) => {
    expect(deviceOf(ua)).toBe(device);
  });
});

describe("placeOf", () => {
  const none = new Headers();
  it.each([
    [
      { "x-vercel-ip-country": "CA", "x-vercel-ip-city": "Montr%C3%A9al" },
      "1.2.3.4",
      "Montréal, Canada",
    ],
    [{ "cf-ipcountry": "DE" }, "1.2.3.4", "Germany"],
    [{ "cf-ipcountry": "XX" }, "198.51.100.7", "198.51.100.0/24"],
    [{ "cf-ipcountry": "T1" }, "198.51.100.7", "Tor network"],
  ])("proxy headers %j win over the address", (headers, address, place) => {
    expect(placeOf(new Headers(headers), address)).toBe(place);
  });

  it.each([
    ["127.0.0.1", "This network"],
    ["::1", "This network"],
    ["10.1.2.3", "This network"],
    ["172.20.0.5", "This network"],
    ["192.168.1.20", "This network"],
    ["fd12:3456::1", "This network"],
    ["::ffff:192.168.0.9", "This network"],
    ["203.0.113.77", "203.0.113.0/24"],
    ["::ffff:203.0.113.77", "203.0.113.0/24"],
    ["172.32.0.1", "172.32.0.0/24"],
    ["2001:db8:abcd:12::1", "2001:db8:abcd::/48"],
    ["2001:db8::7", "2001:db8:0::/48"],
    ["unknown", "Unknown place"],
    [undefined, "Unknown place"],
  ])("%s → %s", (address, place) => {
    expect(placeOf(none, address)).toBe(place);
  });

  it("takes the last X-Forwarded-For hop: the one the proxy added, not what the client sent", () => {
    const headers = new Headers({
      "x-forwarded-for": "10.0.0.1, 198.51.100.23",
      "user-agent": "Mozilla/5.0 (X11; Linux x86_64) Firefox/133.0",
    });
    expect(requestOrigin(headers)).toEqual({
      device: "Firefox on Linux",
      place: "198.51.100.0/24",
    });
  });
});

describe("addressForPeople", () => {
  it.each([
    ["0000:0000:0000:0000:0000:ffff:7f00:0001", "This computer"],
    ["0000:0000:0000:0000:0000:0000:0000:0001", "This computer"],
    ["::1", "This computer"],
    // ::1 as better-auth stores it: its /64 network (issue 18, finding 6).
    ["0000:0000:0000:0000:0000:0000:0000:0000", "This computer"],
    ["127.0.0.1", "This computer"],
    ["::ffff:203.0.113.9", "203.0.113.9"],
    ["0000:0000:0000:0000:0000:ffff:cb00:7109", "203.0.113.9"],
    ["2001:0db8:0000:0000:0000:0000:0000:0042", "2001:db8::42"],
    ["198.51.100.7", "198.51.100.7"],
    ["", null],
    [null, null],
    ["not an address", null],
  ])("%s → %s", (address, shown) => {
    expect(addressForPeople(address)).toBe(shown);
  });

  it("places an expanded IPv4-mapped address by its IPv4 network", () => {
    expect(placeOf(new Headers(), "0000:0000:0000:0000:0000:ffff:cb00:7109")).toBe(
      "203.0.113.0/24",
    );
    expect(placeOf(new Headers(), "0000:0000:0000:0000:0000:ffff:7f00:0001")).toBe("This network");
  });
});
