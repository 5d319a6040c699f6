import { domainToUnicode } from "node:url";

import { parse } from "tldts";

import { officialDomainOf } from "../companies/official-domain";

/** A hostname split around its registrable domain (public suffix list). */
export interface SiteDomain {
  /** ASCII (punycode) hostname, lowercase, e.g. "help.bank.co.uk". */
  hostname: string;
  /** "bank.co.uk" */
  registrable: string;
  /** The label just before the public suffix: "bank". */
  label: string;
  /** "co.uk" */
  suffix: string;
  /** Everything before the registrable domain: "help", or "" . */
  subdomain: string;
}

// DNS labels: letters, digits and inner hyphens. Underscores are tolerated because some real
// service hostnames use them, even though browsers would not show them in a registrable name.
const hostLabel = /^(?!-)[a-z0-9_-]{1,63}(?<!-)$/;

/**
 * Splits a hostname, or returns null when it is not a public web address (an IP, a single
 * word, an ending that is not on the public suffix list like ".local").
 */
export function siteDomainOf(hostname: string): SiteDomain | null {
  const host = hostname.toLowerCase().replace(/\.$/, "");
  if (!host.split(".").every((label) => hostLabel.test(label))) return null;
  // Same settings as officialDomainOf (ICANN suffixes only) so both sides are cut alike.
  const parsed = parse(host);
  if (parsed.isIp || !parsed.isIcann || !parsed.domain || !parsed.domainWithoutSuffix) return null;
  return {
    hostname: host,
    registrable: parsed.domain,
    label: parsed.domainWithoutSuffix,
    suffix: parsed.publicSuffix ?? "",
    subdomain: parsed.subdomain ?? "",
  };
}

export function isIpAddress(hostname: string): boolean {
  return hostname.startsWith("[") || parse(hostname).isIp === true;
}

/** The company's official site as a SiteDomain, accepting "https://www.bank.com/" or "bank.com". */
export function officialSiteOf(officialDomain: string): SiteDomain | null {
  const registrable = officialDomainOf(officialDomain);
  return registrable === null ? null : siteDomainOf(registrable);
}

/** How a browser would display a punycode ("xn--") name; plain names come back unchanged. */
export function displayName(asciiName: string): string {
  return domainToUnicode(asciiName) || asciiName;
}
