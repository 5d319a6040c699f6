import type { BetterAuthOptions } from "better-auth";
import type { createAuthMiddleware } from "better-auth/api";
import { getIP } from "better-auth/api";

/** What better-auth hands a `hooks.before` / `hooks.after` middleware. */
export type AuthHookContext = Parameters<Parameters<typeof createAuthMiddleware>[0]>[0];

/** The client's address as better-auth sees it (X-Forwarded-For), or one shared "unknown". */
export function addressOf(ctx: {
  request?: Request;
  headers?: Headers;
  context: { options: BetterAuthOptions };
}) {
  return getIP(ctx.request ?? ctx.headers ?? new Headers(), ctx.context.options) ?? "unknown";
}
