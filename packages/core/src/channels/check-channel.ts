import type { ChannelKind } from "@caseward/db/vocabulary";
import { channelKinds } from "@caseward/db/vocabulary";

import { checkFreeText } from "./free-text";
import { checkPhone } from "./phone";
import type { ChannelCheck } from "./result";
import { invalid } from "./result";
import { looksLikeWebAddress } from "./web-address";
import { checkWebChannel } from "./web-channel";

export interface ChannelToCheck {
  kind: string;
  value: string;
}

export interface CompanyToCheckAgainst {
  /** The company's website, as typed: "bank.com", "https://www.bank.com/". */
  officialDomain: string;
  /**
   * Its other official domains (a bank's rbcroyalbank.com beside rbc.com): a channel on any of
   * them is the company's, and a lookalike of any of them is flagged.
   */
  officialDomains?: readonly string[];
  /** ISO 3166-1 alpha-2; phone numbers without a country code are read in it (default US). */
  country?: string;
}

function isChannelKind(kind: string): kind is ChannelKind {
  return (channelKinds as readonly string[]).includes(kind);
}

/** The company's official domains, its website's first, each once. */
function officialDomainsOf(company: CompanyToCheckAgainst): string[] {
  return [...new Set([company.officialDomain, ...(company.officialDomains ?? [])])];
}

/**
 * Says whether a channel is safe to use for a company: well-formed, and on one of the
 * company's official domains for links and email addresses. `normalized` is the form to store.
 */
export function checkChannel(
  channel: ChannelToCheck,
  company: CompanyToCheckAgainst,
): ChannelCheck {
  const value = channel.value.trim();
  if (value === "") return invalid("This channel is empty: enter an address, a number or a place.");
  if (!isChannelKind(channel.kind)) return invalid(`"${channel.kind}" is not a kind of channel.`);

  switch (channel.kind) {
    case "web_form":
    case "chat":
    case "social":
    case "email":
      return checkWebChannel(value, channel.kind, officialDomainsOf(company));
    case "phone":
      return checkPhone(value, company.country);
    case "postal":
    case "in_person":
    case "executive":
    case "regulator":
      // An executive's email address is as easy to fake as any other.
      return looksLikeWebAddress(value)
        ? checkWebChannel(value, channel.kind, officialDomainsOf(company))
        : checkFreeText(value);
  }
}
