import { createHmac, timingSafeEqual } from "node:crypto";

import type { BetterAuthOptions } from "better-auth";

type SecondaryStorage = NonNullable<BetterAuthOptions["secondaryStorage"]>;

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
 */
export function createSessionReader<Session extends SessionLike>(
  context: Promise<AuthContextLike>,
  store: SecondaryStorage,
  getSession: (headers: Headers) => Promise<Session | null>,
) {
  async function shortPath(headers: Headers, now: number): Promise<Session | null> {
    const cookies = headers.get("cookie");
    if (!cookies) return null;
    const { secret, authCookies, sessionConfig } = await context;
    if (cookieValue(cookies, authCookies.dontRememberToken.name) !== undefined) return null;
    const signed = cookieValue(cookies, authCookies.sessionToken.name);
    const token = signed && verifiedToken(signed, secret);
    if (!token) return null;
    const stored = await store.get(token);
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
    const revokedBefore = Number(
      await store.get(`revoked-sessions-before-${parsed.session.userId}`),
    );
    if (createdAt.getTime() < revokedBefore) return null;
    return {
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
  }

  return async function readSession(headers: Headers): Promise<Session | null> {
    const found = await shortPath(headers, Date.now()).catch(() => null);
    return found ?? getSession(headers);
  };
}
