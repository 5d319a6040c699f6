import { createHmac, timingSafeEqual } from "node:crypto";

import type { BetterAuthOptions } from "better-auth";

import type { SessionCache } from "./session-cache";

type SecondaryStorage = NonNullable<BetterAuthOptions["secondaryStorage"]> & {
  /** Several values in one round trip (./session-storage.ts). */
  getMany?: (names: readonly string[]) => Promise<(string | null)[]>;
  /** The keyed hash of a name's key: what the session cache is keyed by. */
  hashOf?: (name: string) => string;
};

/** What better-auth's `getSession` answers: the session and its user, or null. */
interface SessionLike {
  session: { id: string; userId: string; token: string; expiresAt: Date; createdAt: Date };
  user: { id: string };
}

/** The part of better-auth's context the short path needs (`auth.$context`). */
interface AuthContextLike {
  secret: string;
  authCookies: { sessionToken: { name: string }; dontRememberToken: { name: string } };
  sessionConfig: { expiresIn: number; updateAge: number };
}

const rememberedEntries = 2_000;

/** A cookie's value from a Cookie header, decoded; the first of that name, as better-call. */
function cookieValue(header: string, name: string): string | undefined {
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      const raw = part.slice(eq + 1).trim();
      try {
        return decodeURIComponent(raw.startsWith('"') ? raw.slice(1, -1) : raw);
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

/** better-call's signed cookie: `value.base64(HMAC-SHA256(value, secret))`; the value or null. */
function verifiedToken(signed: string, secret: string): string | null {
  const at = signed.lastIndexOf(".");
  if (at < 1) return null;
  const signature = Buffer.from(signed.slice(at + 1), "base64");
  const value = signed.slice(0, at);
  const expected = createHmac("sha256", secret).update(value).digest();
  return signature.length === expected.length && timingSafeEqual(signature, expected)
    ? value
    : null;
}

/**
 * The signed-in session of a request, read the short way when nothing is owed: better-auth's
 * `getSession` builds an endpoint context, runs every plugin's hooks, verifies the cookie
 * through WebCrypto and filters its output, which cost more of a dashboard request's CPU than
 * its query. The short path checks what `getSession` checks — the cookie's signature, the
 * sealed copy in Redis, the revocation mark of its user, the expiry — and answers the same
 * session. Anything else goes to `getSession` itself, which stays the only one to refuse,
 * clean up or renew: no cookie or a bad one, no Redis copy (Redis down: the database row),
 * revoked, expired, "don't remember me", or a renewal due (at most once a minute per session).
 *
 * With a `cache` (./session-cache.ts), a session read the short way is kept in this process
 * until the first of: its expiry, its renewal, the cache's maximum age, a message that its
 * copy or its user's revocation mark changed, the cache losing its subscription.
 */
export function createSessionReader<Session extends SessionLike>(
  context: Promise<AuthContextLike>,
  store: SecondaryStorage,
  getSession: (headers: Headers) => Promise<Session | null>,
  cache?: SessionCache<Session>,
) {
  // Remembered in this process, exactly: a signed cookie verifies (or not) the same way every
  // time, and a token belongs to one user, whose revocation mark is then read in the same
  // round trip as the session's copy (an MGET) rather than after it.
  const verified = new Map<string, string | null>();
  const userOfToken = new Map<string, string>();
  const remember = <Value>(map: Map<string, Value>, name: string, value: Value) => {
    if (map.size >= rememberedEntries) map.delete(map.keys().next().value!);
    map.set(name, value);
  };
  const markOf = (userId: string) => `revoked-sessions-before-${userId}`;

  async function shortPath(headers: Headers, now: number): Promise<Session | null> {
    const cookies = headers.get("cookie");
    if (!cookies) return null;
    const { secret, authCookies, sessionConfig } = await context;
    if (cookieValue(cookies, authCookies.dontRememberToken.name) !== undefined) return null;
    const signed = cookieValue(cookies, authCookies.sessionToken.name);
    if (!signed) return null;
    let token = verified.get(signed);
    if (token === undefined) remember(verified, signed, (token = verifiedToken(signed, secret)));
    if (!token) return null;
    const cacheKey = cache && store.hashOf?.(token);
    if (cacheKey) {
      const kept = cache.get(cacheKey, now);
      // Each request its own objects: the kept ones are shared.
      if (kept) return { ...kept, session: { ...kept.session }, user: { ...kept.user } };
    }
    const begun = cache?.begin() ?? 0;
    const knownUser = userOfToken.get(token);
    const [stored, knownMark] =
      knownUser !== undefined && store.getMany
        ? await store.getMany([token, markOf(knownUser)])
        : [await store.get(token), undefined];
    if (typeof stored !== "string") return null;
    const parsed = JSON.parse(stored) as {
      session?: Record<string, unknown> & { userId: string; token: string };
      user?: Record<string, unknown>;
    };
    if (!parsed.session || !parsed.user || parsed.session.token !== token) return null;
    const expiresAt = new Date(parsed.session.expiresAt as string);
    const createdAt = new Date(parsed.session.createdAt as string);
    const renewFrom =
      expiresAt.getTime() - sessionConfig.expiresIn * 1000 + sessionConfig.updateAge * 1000;
    if (!(expiresAt.getTime() > now) || renewFrom <= now) return null;
    const userId = parsed.session.userId;
    if (knownUser !== userId) remember(userOfToken, token, userId);
    const mark = knownUser === userId ? knownMark : await store.get(markOf(userId));
    const revokedBefore = Number(mark);
    if (createdAt.getTime() < revokedBefore) return null;
    const session = {
      session: {
        ...parsed.session,
        expiresAt,
        createdAt,
        updatedAt: new Date(parsed.session.updatedAt as string),
      },
      user: {
        ...parsed.user,
        createdAt: new Date(parsed.user.createdAt as string),
        updatedAt: new Date(parsed.user.updatedAt as string),
      },
    } as unknown as Session;
    if (cacheKey && store.hashOf) {
      const keys = { session: cacheKey, mark: store.hashOf(markOf(userId)) };
      cache.put(keys, session, Math.min(expiresAt.getTime(), renewFrom), begun, now);
      return { ...session, session: { ...session.session }, user: { ...session.user } };
    }
    return session;
  }

  return async function readSession(headers: Headers): Promise<Session | null> {
    const found = await shortPath(headers, Date.now()).catch(() => null);
    return found ?? getSession(headers);
  };
}
