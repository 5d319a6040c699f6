import type { ChannelKind, ChannelStatus } from "@caseward/db/vocabulary";
import {
  getCountryCallingCode,
  isSupportedCountry,
  parsePhoneNumberFromString,
} from "libphonenumber-js/min";

import type { Locale } from "../i18n/locale";

// The NANP's toll-free area codes (https://www.nationalnanpa.com/number_resource_info/toll_free.html):
// written with the leading 1 that dialling them always takes ("1-888-764-3771").
const tollFreeAreaCodes = new Set(["800", "833", "844", "855", "866", "877", "888"]);

function callingCodeOf(country: string | null | undefined): string | undefined {
  const code = country?.trim().toUpperCase() ?? "";
  return isSupportedCountry(code) ? getCountryCallingCode(code) : undefined;
}

/**
 * A phone number as people write it: the national format when it is in the user's country
 * (`1-888-764-3771`, `416-555-0199` in Canada and the US; `020 7946 0958` in the UK), the
 * international one otherwise (`+44 20 7946 0958`). A value that is not a number stays as it is.
 * In French, the area code is set off by a space, the last four digits by a hyphen
 * (`514 873-6565`, `1 888 873-6202`), as the Office québécois de la langue française writes them
 * (Banque de dépannage linguistique, « Écriture des numéros de téléphone »).
 */
export function formatPhoneNumber(
  value: string,
  userCountry?: string | null,
  locale: Locale = "en",
): string {
  const number = parsePhoneNumberFromString(value);
  if (!number) return value;
  if (number.countryCallingCode !== callingCodeOf(userCountry)) {
    return number.formatInternational();
  }
  const national = number.nationalNumber;
  if (number.countryCallingCode === "1" && national.length === 10) {
    const [area, exchange, line] = [national.slice(0, 3), national.slice(3, 6), national.slice(6)];
    const french = locale === "fr-CA";
    const grouped = french ? `${area} ${exchange}-${line}` : `${area}-${exchange}-${line}`;
    if (!tollFreeAreaCodes.has(area)) return grouped;
    return french ? `1 ${grouped}` : `1-${grouped}`;
  }
  return number.formatNational();
}

export interface ChannelToShow {
  kind: ChannelKind;
  value: string;
  status: ChannelStatus;
}

/** What a channel's value reads as, and where following it leads (null: not clickable). */
export interface ChannelDisplay {
  text: string;
  href: string | null;
  /** Web pages open in a new tab, so the case stays where the user left it. */
  newTab: boolean;
}

const webPage = /^https?:\/\/\S+$/i;
const emailAddress = /^[^\s@/]+@[^\s@/]+$/;

/** A channel's value as text (emails, `<option>`s): a phone number as people write it. */
export function channelText(
  channel: Pick<ChannelToShow, "kind" | "value">,
  userCountry?: string | null,
  locale: Locale = "en",
): string {
  return channel.kind === "phone"
    ? formatPhoneNumber(channel.value, userCountry, locale)
    : channel.value;
}

/**
 * How a channel's value is shown everywhere (pages, emails): phone numbers as people write
 * them and dialled with `tel:`, verified email addresses as `mailto:`, web pages in a new tab.
 * A suspicious channel is never a link: one tap must not reach a scammer.
 */
export function channelDisplay(
  channel: ChannelToShow,
  userCountry?: string | null,
  locale: Locale = "en",
): ChannelDisplay {
  const text = channelText(channel, userCountry, locale);
  const plain = { text, href: null, newTab: false };
  if (channel.status === "suspicious") return plain;
  if (channel.kind === "phone") {
    const number = parsePhoneNumberFromString(channel.value);
    return number ? { text, href: number.getURI(), newTab: false } : plain;
  }
  if (emailAddress.test(channel.value)) {
    // An unverified address may still be a lookalike: it is copied by hand, not one tap away.
    return channel.status === "verified"
      ? { text, href: `mailto:${channel.value}`, newTab: false }
      : plain;
  }
  return webPage.test(channel.value) ? { text, href: channel.value, newTab: true } : plain;
}
