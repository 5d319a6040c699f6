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

function offDomainReason(
  site: SiteDomain,
  official: SiteDomain,
  address: WebAddress,
  kind: WebChannelKind,
): string {
  const lookalike = describeLookalike(site, official, disguiseOf(address));
  if (lookalike !== null) return lookalike;
  const real = displayName(official.registrable);
  const platform = kind === "social" ? imitatedPlatformDomain(site) : undefined;
  if (platform !== undefined) {
    return `${site.registrable} looks like ${platform} but is a different site: ${scamTrick}.`;
  }
  if (address.type === "email" && freeMailDomains.has(site.registrable)) {
    return `This address is on ${site.registrable}, a free email service anyone can sign up for, not on ${real}, the company's official domain.`;
  }
  return `This address is on ${site.registrable}, not ${real}, the company's official domain.`;
}

/**
 * Checks a channel given as a link or an email address: it must be a well-formed http(s) link
 * or email address, on the company's official domain (or one of its subdomains).
 */
export function checkWebChannel(
  value: string,
  kind: WebChannelKind,
  officialDomain: string,
): ChannelCheck {
  const parsed = parseWebAddress(value, kind === "email");
  if (!parsed.ok) return invalid(parsed.problem);
  const { address } = parsed;

  const official = officialSiteOf(officialDomain);
  if (isIpAddress(address.hostname)) {
    const expected = official
      ? `${official.registrable}, the company's official domain`
      : "a named website";
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
  if (official === null) {
    return suspicious(
      address.normalized,
      `The company's official domain ("${officialDomain.trim()}") is not a valid web address, so ${site.registrable} cannot be checked against it.`,
    );
  }
  if (site.registrable === official.registrable) return ok(address.normalized);

  const platform = kind === "social" && address.type === "url" ? socialPlatformOf(site) : undefined;
  if (platform !== undefined && address.type === "url") {
    const untied = describeUntiedAccount(address.url, platform, official);
    return untied === null ? ok(address.normalized) : suspicious(address.normalized, untied);
  }
  // A regulator is never on the company's domain; only a site imitating the company is a worry.
  if (kind === "regulator") {
    const lookalike = describeLookalike(site, official, disguiseOf(address));
    return lookalike === null ? ok(address.normalized) : suspicious(address.normalized, lookalike);
  }
  return suspicious(address.normalized, offDomainReason(site, official, address, kind));
}
