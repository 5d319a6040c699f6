import { describe, expect, it } from "vitest";

import { channelDisplay, formatPhoneNumber } from "./display";

describe("formatPhoneNumber", () => {
  it.each([
    ["+18887643771", "CA", "1-888-764-3771"],
    ["+18887643771", "US", "1-888-764-3771"],
    ["+14165550199", "CA", "416-555-0199"],
    // Canada and the US share +1: a US number is dialled the same way from Canada.
    ["+12125550123", "CA", "212-555-0123"],
    ["+442079460958", "GB", "020 7946 0958"],
    ["+442079460958", "CA", "+44 20 7946 0958"],
    ["+18887643771", "GB", "+1 888 764 3771"],
    ["+18887643771", null, "+1 888 764 3771"],
    ["+33142685300", "FR", "01 42 68 53 00"],
    ["not a number", "CA", "not a number"],
  ])("%s for a user in %s reads %s", (value, country, expected) => {
    expect(formatPhoneNumber(value, country)).toBe(expected);
  });
});

describe("formatPhoneNumber in French (OQLF: 514 873-6565)", () => {
  it.each([
    ["+15148736565", "CA", "en", "514-873-6565"],
    ["+15148736565", "CA", "fr-CA", "514 873-6565"],
    ["+18888736202", "CA", "en", "1-888-873-6202"],
    ["+18888736202", "CA", "fr-CA", "1 888 873-6202"],
    ["+442079460958", "CA", "fr-CA", "+44 20 7946 0958"],
    ["+33142685300", "FR", "fr-CA", "01 42 68 53 00"],
  ] as const)("%s in %s (%s) reads %s", (value, country, locale, expected) => {
    expect(formatPhoneNumber(value, country, locale)).toBe(expected);
  });

  it("shows a French user's channel the French way, still dialled the same", () => {
    const channel = { kind: "phone", value: "+15148736565", status: "verified" } as const;
    expect(channelDisplay(channel, "CA", "fr-CA")).toEqual({
      text: "514 873-6565",
      href: "tel:+15148736565",
      newTab: false,
    });
  });
});

describe("channelDisplay", () => {
  it.each([
    [
      { kind: "phone", value: "+18887643771", status: "unverified" },
      { text: "1-888-764-3771", href: "tel:+18887643771", newTab: false },
    ],
    [
      { kind: "phone", value: "+19005550123", status: "suspicious" },
      { text: "900-555-0123", href: null, newTab: false },
    ],
    [
      { kind: "email", value: "support@rogers.com", status: "verified" },
      { text: "support@rogers.com", href: "mailto:support@rogers.com", newTab: false },
    ],
    [
      { kind: "email", value: "support@rogers.com", status: "unverified" },
      { text: "support@rogers.com", href: null, newTab: false },
    ],
    [
      { kind: "email", value: "help@rogers-support.com", status: "suspicious" },
      { text: "help@rogers-support.com", href: null, newTab: false },
    ],
    [
      { kind: "web_form", value: "https://www.rogers.com/contact", status: "unverified" },
      {
        text: "https://www.rogers.com/contact",
        href: "https://www.rogers.com/contact",
        newTab: true,
      },
    ],
    [
      { kind: "chat", value: "https://rogers-help.chat/start", status: "suspicious" },
      { text: "https://rogers-help.chat/start", href: null, newTab: false },
    ],
    [
      { kind: "postal", value: "PO Box 1, Toronto ON", status: "unverified" },
      { text: "PO Box 1, Toronto ON", href: null, newTab: false },
    ],
    [
      { kind: "executive", value: "ceo@rogers.com", status: "verified" },
      { text: "ceo@rogers.com", href: "mailto:ceo@rogers.com", newTab: false },
    ],
  ] as const)("%o shows as %o", (channel, expected) => {
    expect(channelDisplay(channel, "CA")).toEqual(expected);
  });
});
