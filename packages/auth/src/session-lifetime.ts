import type { GenericEndpointContext } from "better-auth";

// ASVS 4.0.3 V3.3.2 at L2 (NIST SP 800-63B AAL2 §4.2.3): sign in again after 12 hours of use,
// or after 30 minutes without a request. Both end the session on the server.
export const sessionLifetime = {
  /** No request for this long and the session has expired. */
  idleSeconds: 30 * 60,
  /** However active, a session ends this long after sign-in. */
  absoluteSeconds: 12 * 60 * 60,
  /**
   * better-auth moves the expiry forward at most this often (one write per active session per
   * minute), so the idle timeout is between 29 and 30 minutes.
   */
  refreshSeconds: 60,
} as const;

/** better-auth's `session` options: the sliding expiry is the idle timeout. */
export const sessionOptions = {
  expiresIn: sessionLifetime.idleSeconds,
  updateAge: sessionLifetime.refreshSeconds,
};

interface SessionUpdate {
  expiresAt?: Date;
}

/**
 * `databaseHooks.session.update.before`: better-auth only slides the expiry forward, from
 * `getSession`, which has put the session it is renewing on the context. The new expiry never
 * passes sign-in + the absolute lifetime; once that is reached the renewal is refused (better-auth
 * then answers 401 and clears the cookie).
 */
export function capAtAbsoluteLifetime(
  data: SessionUpdate & Record<string, unknown>,
  ctx: GenericEndpointContext | null,
  now = Date.now(),
) {
  const createdAt = ctx?.context.session?.session.createdAt;
  if (!data.expiresAt || !createdAt) return;
  const end = new Date(createdAt).getTime() + sessionLifetime.absoluteSeconds * 1000;
  if (end <= now) return false;
  if (data.expiresAt.getTime() > end) return { data: { ...data, expiresAt: new Date(end) } };
}
