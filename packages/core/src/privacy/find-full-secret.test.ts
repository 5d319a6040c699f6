import { describe, expect, it } from "vitest";

import { findFullSecret, maskSecret, secretRefusalMessage } from "./index";

// Test numbers: public card-network test PANs, the SIN example from ESDC docs (046 454 286),
// and SSNs that are shape-valid but made up.
const refused: [string, string, "national_id" | "payment_card"][] = [
  ["Visa plain", "4111111111111111", "payment_card"],
  [
    "Visa spaced in a sentence",
    "My card is 4111 1111 1111 1111, please refund it.",
    "payment_card",
  ],
  ["Visa dashed", "card 4111-1111-1111-1111", "payment_card"],
  ["Mastercard", "mc: 5555 5555 5555 4444", "payment_card"],
  ["Mastercard 2-series", "2223003122003222", "payment_card"],
  ["Amex 4-6-5 dashed", "Amex 3782-822463-10005 was charged twice", "payment_card"],
  ["Amex 4-6-5 spaced", "3782 822463 10005", "payment_card"],
  ["Amex plain", "378282246310005", "payment_card"],
  ["Discover", "6011 1111 1111 1117", "payment_card"],
  ["Diners 4-6-4", "3056 930902 5904", "payment_card"],
  ["JCB", "3530111333300000", "payment_card"],
  ["13-digit Visa", "old card 4000000000006", "payment_card"],
  ["19-digit card 4-4-4-4-3", "4000 0000 0000 0000 006", "payment_card"],
  ["glued to punctuation", "card:4111111111111111.", "payment_card"],
  ["glued to letters", "visa4111111111111111x", "payment_card"],
  ["with expiry after it", "4111 1111 1111 1111 12/27 cvv hidden", "payment_card"],
  ["non-breaking spaces", "4111\u00a01111\u00a01111\u00a01111", "payment_card"],
  ["on its own line", "notes:\n5555555555554444\nthanks", "payment_card"],
  ["after a short unrelated number", "item 2 4111 1111 1111 1111", "payment_card"],
  ["SIN plain", "SIN 046454286", "national_id"],
  ["SIN spaced", "my SIN is 046 454 286.", "national_id"],
  ["SIN dashed", "046-454-286", "national_id"],
  ["another valid SIN", "130 692 544", "national_id"],
  ["SSN dashed", "SSN 123-45-6789", "national_id"],
  ["SSN in parentheses", "(SSN: 078-05-1120)", "national_id"],
  ["SIN before card: text order wins", "SIN 046-454-286, card 4111-1111-1111-1111", "national_id"],
  [
    "card before SIN: text order wins",
    "card 4111 1111 1111 1111 then SIN 046 454 286",
    "payment_card",
  ],
  // French, as Quebecers write it ("NAS", "no de carte", a narrow no-break space from a word processor).
  ["NAS in French", "Mon NAS est le 046 454 286.", "national_id"],
  ["NAS with narrow no-break spaces", "NAS : 046\u202f454\u202f286", "national_id"],
  ["card number in French", "No de carte : 4111 1111 1111 1111, merci.", "payment_card"],
  [
    "card after an IBAN",
    "IBAN DE89 3704 0044 0532 0130 00 and card 4111 1111 1111 1111",
    "payment_card",
  ],
];

const allowed: [string, string][] = [
  ["empty", ""],
  ["phone international", "Call +1 416 555 0199 tomorrow"],
  ["phone parentheses", "(416) 555-0199"],
  ["phone dashed", "416-555-0199"],
  ["toll-free", "1-800-555-0199"],
  ["French phone (OQLF style)", "Téléphone : 514 873-6565, poste 22"],
  ["French file number failing checksum", "Numéro de dossier : 046 454 287"],
  ["card failing Luhn", "Order 4111 1111 1111 1112"],
  ["SIN failing checksum plain", "ref 046454287"],
  ["SIN failing checksum spaced", "046 454 287"],
  ["9-digit reference failing checksum", "Case 123456789"],
  ["SSN area 000", "000-12-3456"],
  ["SSN area 666", "666-12-3456"],
  ["SSN area 9xx", "900-12-3456"],
  ["SSN group 00", "123-00-4567"],
  ["SSN serial 0000", "123-45-0000"],
  ["date ISO", "on 2024-01-15 at 10:30"],
  ["date slashes", "15/01/2024"],
  ["amount", "charged $1,234.56 twice"],
  ["large amount", "$12,345,678.90"],
  ["last four", "card ending 4242"],
  ["starred last four", "****4242"],
  ["already masked", "•••• •••• •••• 1111"],
  ["Canadian postal code", "M5V 3L9"],
  ["US ZIP+4", "90210-1234"],
  ["Amazon-style order number", "112-1234567-1234567"],
  ["25-digit tracking number containing a Luhn-valid card", "0000000004111111111111111"],
  ["10 digits containing a valid SIN", "0464542861"],
  ["grouped tracking number in fours", "9400 4111 1111 1111 1111 00"],
  ["grouped reference in threes", "123 046 454 286 000"],
  ["space-grouped amount", "1 046 454 286 €"],
  ["IBAN with a card-shaped BBAN", "IBAN DE95 4111 1111 1111 1111 00"],
  ["IBAN compact", "DE95411111111111111100"],
  ["IBAN with letters", "GB82 WEST 1234 5698 7654 32"],
  ["IBAN German example", "DE89 3704 0044 0532 0130 00"],
  ["all zeros placeholder", "0000 0000 0000 0000"],
  ["double spaces are not one number", "4111  1111  1111  1111"],
  ["mixed separators", "4111 1111-1111 1111"],
];

describe("findFullSecret", () => {
  it.each(refused)("refuses %s", (_name, text, kind) => {
    expect(findFullSecret(text)).toEqual({ kind });
  });

  it.each(allowed)("allows %s", (_name, text) => {
    expect(findFullSecret(text)).toBeNull();
  });

  it("answers on a 100 KB transcript with a card near the end", () => {
    const line =
      "Rep: Thanks, order 112-1234567-1234567, call 416-555-0199, card ending 4242, $1,234.56.\n";
    const filler = line.repeat(Math.ceil(100_000 / line.length));
    expect(filler.length).toBeGreaterThanOrEqual(100_000);
    expect(findFullSecret(filler)).toBeNull();
    expect(findFullSecret(`${filler}Me: it is 4111 1111 1111 1111.`)).toEqual({
      kind: "payment_card",
    });
  });

  it.each([
    ["single-digit groups", "1 ".repeat(50_000)],
    ["dash-joined digits", "12-".repeat(34_000)],
    ["one 100 KB digit run", "4".repeat(100_000)],
    ["IBAN-like starts everywhere", "AB12 ".repeat(20_000)],
  ])("returns null on adversarial 100 KB input: %s", (_name, text) => {
    expect(findFullSecret(text)).toBeNull();
  });
});

describe("maskSecret", () => {
  it.each([
    ["4111 1111 1111 1111", "•••• •••• •••• 1111"],
    ["4111-1111-1111-1111", "••••-••••-••••-1111"],
    ["3782-822463-10005", "••••-••••••-•0005"],
    ["046-454-286", "•••-•••-286"],
    ["046454286", "••••••286"],
    ["SSN 123-45-6789.", "SSN •••-••-6789."],
    [
      "Pay 4111111111111111 or 5555 5555 5555 4444!",
      "Pay ••••••••••••1111 or •••• •••• •••• 4444!",
    ],
    [
      "call 416-555-0199 about order 4111 1111 1111 1112",
      "call 416-555-0199 about order 4111 1111 1111 1112",
    ],
    ["", ""],
  ])("masks %j", (text, masked) => {
    expect(maskSecret(text)).toBe(masked);
  });

  it("leaves nothing a second pass would refuse", () => {
    const masked = maskSecret("SIN 046 454 286, card 3782 822463 10005, SSN 123-45-6789");
    expect(findFullSecret(masked)).toBeNull();
    expect(maskSecret(masked)).toBe(masked);
  });
});

describe("secretRefusalMessage", () => {
  it.each([
    ["payment_card", /full card number.*last 4 digits/],
    ["national_id", /never stores full national id numbers/],
  ] as const)("explains a %s refusal", (kind, pattern) => {
    expect(secretRefusalMessage(kind)).toMatch(pattern);
  });

  it.each([
    ["payment_card", /numéro de carte complet.*4 derniers chiffres/],
    ["national_id", /numéro d’assurance sociale \(NAS\)/],
  ] as const)("explains a %s refusal in French", (kind, pattern) => {
    expect(secretRefusalMessage(kind, "fr-CA")).toMatch(pattern);
  });
});
