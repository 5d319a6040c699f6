import { isAscii, mixesScripts, skeleton } from "./confusables";
import type { SiteDomain } from "./domains";
import { displayName } from "./domains";
import { damerauLevenshtein } from "./edit-distance";

export const scamTrick = "a common trick of scam sites";

// Short names drift into other real names after one edit ("hp" → "hq"), so they get less slack.
function typoAllowance(name: string): number {
  const length = Array.from(name).length;
  return length <= 2 ? 0 : length === 3 ? 1 : 2;
}

export type Resemblance = "lookalike-characters" | "typo";

/** Whether one domain label (without its ending) passes for another at a glance. */
export function resemblance(label: string, original: string): Resemblance | null {
  if (label === original) return null;
  if (skeleton(label) === skeleton(original)) return "lookalike-characters";
  const allowance = typoAllowance(original);
  const typo =
    damerauLevenshtein(label, original) <= allowance ||
    damerauLevenshtein(skeleton(label), skeleton(original)) <= allowance;
  return typo ? "typo" : null;
}

// Short names ("hp", "ups") hide inside unrelated words ("shop", "groups"): they must stand alone.
function containsName(text: string, name: string): boolean {
  if (Array.from(name).length >= 4) return text.includes(name);
  return text.split(/[^\p{L}\p{N}]+/u).includes(name);
}

/**
 * Why a site that is not the official one imitates it, or null when it does not look like it.
 * `disguise` is whatever sits before an "@" in a link (https://bank.com@evil.net).
 */
export function describeLookalike(
  site: SiteDomain,
  official: SiteDomain,
  disguise = "",
): string | null {
  const shown = site.registrable;
  // The official name is shown as people know it ("münchen.de"); candidates stay in ASCII so
  // that lookalike letters cannot hide.
  const real = displayName(official.registrable);
  const label = displayName(site.label);
  const officialLabel = displayName(official.label);
  const name = skeleton(officialLabel);
  const looks = resemblance(label, officialLabel);

  if (looks && !isAscii(label)) {
    return `${shown} shows up as ${displayName(shown)}: it imitates ${real} with lookalike letters, ${scamTrick}.`;
  }
  if (site.label === official.label) {
    return `${shown} has the same name as ${real} but a different ending (.${site.suffix} instead of .${official.suffix}), so it may not belong to the company: use the address listed on ${real}.`;
  }
  if (looks === "lookalike-characters") {
    return `${shown} imitates ${real} by swapping in lookalike characters (like 0 for o or rn for m), ${scamTrick}.`;
  }
  if (looks === "typo") {
    return `${shown} looks like ${real} but is a different domain: ${scamTrick}.`;
  }
  if (containsName(skeleton(label), name)) {
    return `${shown} has "${officialLabel}" in its name but is not ${real}, the company's official domain: ${scamTrick}.`;
  }
  const prefix = displayName(site.subdomain);
  if (prefix && containsName(skeleton(prefix), name)) {
    // Also how helpdesk vendors name customer sites (bank.zendesk.com): say it plainly, not "scam".
    return `This address is on ${shown}, not ${real}, the company's official domain: the "${prefix}" in front of it does not make it the company's.`;
  }
  if (disguise && containsName(skeleton(disguise), name)) {
    return `This address is really on ${shown}: the "${disguise}" before the @ is only there to look like ${real}.`;
  }
  const host = displayName(site.hostname);
  if (host.split(".").some(mixesScripts)) {
    return `${shown} shows up as ${host}, mixing letters from different alphabets to disguise itself, and it is not ${real}, the company's official domain.`;
  }
  return null;
}
