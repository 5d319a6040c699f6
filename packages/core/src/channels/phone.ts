import type { CountryCode } from "libphonenumber-js/max";
import { isSupportedCountry, parsePhoneNumberFromString } from "libphonenumber-js/max";

import type { ChannelCheck } from "./result";
import { invalid, ok, suspicious } from "./result";

const regionNames = new Intl.DisplayNames(["en"], { type: "region" });

// "for Canada" but "for the United States": English puts "the" before these country names.
const takesThe = /^(United |Netherlands|Philippines|Bahamas|Gambia|Maldives)|Republic|Islands/;

function countryName(country: CountryCode): string {
  const name = regionNames.of(country) ?? country;
  return takesThe.test(name) ? `the ${name}` : name;
}

/** The country national numbers are read in: the company's, or the US when it has none. */
function defaultCountryOf(country: string | undefined): CountryCode {
  const code = country?.trim().toUpperCase() ?? "";
  return isSupportedCountry(code) ? code : "US";
}

const extensionSuffix = /[\s,;]*((?:ext\.?|extension|x|#)\s*\d+)\s*$/i;
// Digits, "+" and the separators people write numbers with; "tel:" comes from copied links.
const phoneCharacters = /^(?:tel:)?[+\d\s().\-/]+$/i;

/**
 * Checks a phone channel: a valid number in the company's country (or with a + country code),
 * stored in E.164. Premium-rate numbers are flagged because customer service lines that bill
 * by the minute are a classic scam.
 */
export function checkPhone(value: string, country?: string): ChannelCheck {
  const text = value.trim();
  // E.164 has no room for an extension, and silently dropping it would lose the way through.
  const extension = extensionSuffix.exec(text);
  if (extension?.[1]) {
    return invalid(
      `Enter the number without its extension, and keep "${extension[1]}" in the channel's label.`,
    );
  }
  if (/\p{L}/u.test(text.replace(/^tel:/i, ""))) {
    return invalid(
      "A phone number can only have digits in it, not letters: write 1-800-FLOWERS as 1-800-356-9377.",
    );
  }
  const defaultCountry = defaultCountryOf(country);
  const number = phoneCharacters.test(text)
    ? parsePhoneNumberFromString(text, { defaultCountry })
    : undefined;
  if (number === undefined || !number.isValid()) {
    const international = text.replace(/^tel:/i, "").startsWith("+");
    const numberCountry = number?.country ?? (international ? undefined : defaultCountry);
    return invalid(
      numberCountry === undefined
        ? "This is not a valid international phone number."
        : `This is not a valid phone number for ${countryName(numberCountry)}.`,
    );
  }
  if (number.getType() === "PREMIUM_RATE") {
    return suspicious(
      number.number,
      `${number.formatInternational()} is a premium-rate number: every minute of the call is billed at a high price, which real customer service lines do not do.`,
    );
  }
  return ok(number.number);
}
