import type { ChannelKind } from "@caseward/db/vocabulary";

import type { ChannelCheck } from "./result";
import { invalid, ok, suspicious } from "./result";
import type { SiteDomain } from "./domains";
import { displayName, isIpAddress, officialSiteOf, siteDomainOf } from "./domains";
import { describeLookalike, scamTrick } from "./lookalike";
import { describeUntiedAccount, imitatedPlatformDomain, socialPlatformOf } from "./social";
import type { WebAddress } from "./web-address";
import { parseWebAddress } from "./web-address";

/** Every kind but phone can be given as a link or an email address. */
export type WebChannelKind = Exclude<ChannelKind, "phone">;

// Anyone can open an account on these, so an address there proves nothing about the sender.
const freeMailDomains = new Set([
  "gmail.com",
  "googlemail.com",
  "outlook.com",
  "hotmail.com",
  "live.com",
  "msn.com",
  "yahoo.com",
  "icloud.com",
  "me.com",
  "aol.com",
  "proton.me",
  "protonmail.com",
  "gmx.com",
  "gmx.net",
  "mail.com",
  "yandex.com",
  "yandex.ru",
  "zoho.com",
]);

const disguiseOf = (address: WebAddress) => (address.type === "url" ? address.disguise : "");

/** "bank.com, the company's official domain"; "rbc.com or rbcroyalbank.com, … domains". */
function officialNames(officials: readonly SiteDomain[]): string {
  const names = officials.map((official) => displayName(official.registrable));
  if (names.length === 1) return `${names[0]}, the company's official domain`;
  return `${names.slice(0, -1).join(", ")} or ${names.at(-1)}, the company's official domains`;
}

/** Why the site imitates one of the official domains (the first it resembles), or null. */
function lookalikeOfAny(
  site: SiteDomain,
  officials: readonly SiteDomain[],
  disguise: string,
): string | null {
  for (const official of officials) {
    const lookalike = describeLookalike(site, official, disguise);
    if (lookalike !== null) return lookalike;
  }
  return null;
}

function offDomainReason(
  site: SiteDomain,
  officials: readonly SiteDomain[],
  address: WebAddress,
  kind: WebChannelKind,
): string {
  const lookalike = lookalikeOfAny(site, officials, disguiseOf(address));
  if (lookalike !== null) return lookalike;
  const real = officialNames(officials);
  const platform = kind === "social" ? imitatedPlatformDomain(site) : undefined;
  if (platform !== undefined) {
    return `${site.registrable} looks like ${platform} but is a different site: ${scamTrick}.`;
  }
  if (address.type === "email" && freeMailDomains.has(site.registrable)) {
    return `This address is on ${site.registrable}, a free email service anyone can sign up for, not on ${real}.`;
  }
  return `This address is on ${site.registrable}, not ${real}.`;
}

/**
 * Checks a channel given as a link or an email address: it must be a well-formed http(s) link
 * or email address, on one of the company's official domains (or one of their subdomains).
 * `officialDomains` are as typed ("bank.com", "https://www.bank.com/"), the website's first.
 */
export function checkWebChannel(
  value: string,
  kind: WebChannelKind,
  officialDomains: readonly string[],
): ChannelCheck {
  const parsed = parseWebAddress(value, kind === "email");
  if (!parsed.ok) return invalid(parsed.problem);
  const { address } = parsed;

  const officials = [
    ...new Map(
      officialDomains.flatMap((domain) => {
        const official = officialSiteOf(domain);
        return official ? [[official.registrable, official] as const] : [];
      }),
    ).values(),
  ];
  if (isIpAddress(address.hostname)) {
    const expected = officials.length > 0 ? officialNames(officials) : "a named website";
    return suspicious(
      address.normalized,
      `This address is a bare IP address (${address.hostname}), not ${expected}.`,
    );
  }
  const site = siteDomainOf(address.hostname);
  if (site === null) {
    return invalid(
      `${address.hostname} is not a public web address: it does not end in a real domain ending such as .com.`,
    );
  }
  if (officials.length === 0) {
    return suspicious(
      address.normalized,
      `The company's official domain ("${(officialDomains[0] ?? "").trim()}") is not a valid web address, so ${site.registrable} cannot be checked against it.`,
    );
  }
  if (officials.some((official) => official.registrable === site.registrable)) {
    return ok(address.normalized);
  }

  const platform = kind === "social" && address.type === "url" ? socialPlatformOf(site) : undefined;
  if (platform !== undefined && address.type === "url") {
    // The account is the company's when its name ties it to any of the official domains.
    const untied = officials.map((official) =>
      describeUntiedAccount(address.url, platform, official),
    );
    return untied.includes(null)
      ? ok(address.normalized)
      : suspicious(address.normalized, untied[0]!);
  }
  // A regulator is never on the company's domain; only a site imitating the company is a worry.
  if (kind === "regulator") {
    const lookalike = lookalikeOfAny(site, officials, disguiseOf(address));
    return lookalike === null ? ok(address.normalized) : suspicious(address.normalized, lookalike);
  }
  return suspicious(address.normalized, offDomainReason(site, officials, address, kind));
}
