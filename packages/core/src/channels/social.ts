import type { SiteDomain } from "./domains";
import { displayName } from "./domains";
import { resemblance } from "./lookalike";

export interface SocialPlatform {
  name: string;
  /** Registrable domains the platform serves accounts from. */
  domains: readonly string[];
}

// Mastodon and other federated servers are out of scope: any domain can host them.
export const socialPlatforms: readonly SocialPlatform[] = [
  { name: "X", domains: ["x.com", "twitter.com"] },
  { name: "Facebook", domains: ["facebook.com", "fb.com"] },
  { name: "Instagram", domains: ["instagram.com"] },
  { name: "LinkedIn", domains: ["linkedin.com"] },
  { name: "YouTube", domains: ["youtube.com"] },
  { name: "TikTok", domains: ["tiktok.com"] },
  { name: "Threads", domains: ["threads.net", "threads.com"] },
];

export function socialPlatformOf(site: SiteDomain): SocialPlatform | undefined {
  return socialPlatforms.find((platform) => platform.domains.includes(site.registrable));
}

/** The platform domain a site imitates ("twltter.com" → "twitter.com"), if any. */
export function imitatedPlatformDomain(site: SiteDomain): string | undefined {
  return socialPlatforms
    .flatMap((platform) => platform.domains)
    .find(
      (domain) => resemblance(displayName(site.label), domain.split(".")[0] ?? domain) !== null,
    );
}

// Path words that come before an account name: /company/bank, /@bank, /c/bank, /pages/bank.
const accountPrefixes = new Set([
  "company",
  "school",
  "showcase",
  "in",
  "c",
  "user",
  "channel",
  "pages",
  "pg",
  "groups",
  "people",
]);
// Paths that are the platform's own pages, or an account known only by a number (profile.php?id=…).
const platformPages = new Set([
  "home",
  "explore",
  "search",
  "i",
  "intent",
  "share",
  "sharer",
  "sharer.php",
  "hashtag",
  "watch",
  "messages",
  "settings",
  "login",
  "notifications",
  "feed",
  "p",
  "reel",
  "reels",
  "shorts",
  "profile.php",
]);

/** The account name in a profile link ("@BankHelp" → "BankHelp"), or null for a platform page. */
export function accountHandle(url: URL): string | null {
  const segments = url.pathname.split("/").filter(Boolean);
  let index = 0;
  while (index < segments.length - 1 && accountPrefixes.has((segments[index] ?? "").toLowerCase()))
    index++;
  const segment = segments[index];
  if (segment === undefined) return null;
  let handle = segment;
  try {
    handle = decodeURIComponent(segment);
  } catch {
    // A broken escape is kept as typed; it will not contain the company's name anyway.
  }
  handle = handle.replace(/^@/, "");
  return handle && !platformPages.has(handle.toLowerCase()) ? handle : null;
}

const compact = (text: string) =>
  text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, "");

/**
 * Whether a profile link can be tied to the company. A platform vouches for nobody and a link
 * carries no verified badge, so the handle is the only evidence: an account whose handle
 * contains the company's name ("@BankHelp" for bank.com) is accepted, any other one is
 * suspicious. This lets "@BankSupport2" impostors through and flags real accounts with an
 * abbreviated name ("@BofA" for bankofamerica.com); checking where the link was found
 * (provenance) covers both.
 */
export function describeUntiedAccount(
  url: URL,
  platform: SocialPlatform,
  official: SiteDomain,
): string | null {
  const handle = accountHandle(url);
  if (handle === null) {
    return `This ${platform.name} link does not name an account, so it cannot be tied to ${official.registrable}, the company's official domain.`;
  }
  const name = displayName(official.label);
  if (compact(handle).includes(compact(name))) return null;
  return `This ${platform.name} account (@${handle}) cannot be tied to the company: its name does not contain "${name}" from ${official.registrable}, the company's official domain.`;
}
