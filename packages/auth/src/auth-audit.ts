import type { AuditEvent } from "@caseward/core";
import { recordAuditEvent, requestOrigin } from "@caseward/core";
import type { Database } from "@caseward/db";
import { getSessionFromCtx, isAPIError } from "better-auth/api";

import type { AuthHookContext } from "./auth-hook-context";
import { twoFactorCodePaths, twoFactorUserOf } from "./two-factor";

interface ReturnedUser {
  user?: { id?: string; twoFactorEnabled?: boolean | null };
}

/** Whether better-auth's twoFactor plugin holds this sign-in back for a code. */
async function waitsForSecondFactor(ctx: AuthHookContext) {
  const plugin = ctx.context.getPlugin("two-factor") as {
    shouldRequireTwoFactor?: (ctx: AuthHookContext) => Promise<boolean>;
  } | null;
  return (await plugin?.shouldRequireTwoFactor?.(ctx)) ?? false;
}

/** The events of one finished auth request, as [user id, kind, detail]. */
async function eventsOf(
  ctx: AuthHookContext,
): Promise<[string, AuditEvent["kind"], Record<string, string>?][]> {
  const returned = ctx.context.returned;
  const failed = isAPIError(returned);
  const user = failed ? undefined : (returned as ReturnedUser | undefined)?.user;

  if (ctx.path === "/sign-in/email") {
    if (failed) {
      if (returned.statusCode !== 401) return [];
      // Recorded on the account the email names, seen only by its owner: no hint to anyone
      // else about which emails have accounts.
      const email = (ctx.body as { email?: unknown } | undefined)?.email;
      if (typeof email !== "string") return [];
      const found = await ctx.context.internalAdapter.findUserByEmail(email.toLowerCase());
      return found ? [[found.user.id, "sign_in_failed", { reason: "password" }]] : [];
    }
    if (!user?.id || (await waitsForSecondFactor(ctx))) return [];
    return [[user.id, "sign_in", { method: "password" }]];
  }

  if (twoFactorCodePaths.has(ctx.path)) {
    const method = ctx.path.endsWith("backup-code") ? "backup_code" : "totp";
    if (failed) {
      if (returned.statusCode !== 401) return [];
      const pending = await twoFactorUserOf(ctx);
      return pending?.signingIn ? [[pending.userId, "sign_in_failed", { reason: method }]] : [];
    }
    if (!user?.id) return [];
    // The first right code after /two-factor/enable is what turns the second factor on.
    if (user.twoFactorEnabled === false) return [[user.id, "two_factor_enabled"]];
    const events: [string, AuditEvent["kind"], Record<string, string>?][] = [];
    if (method === "backup_code") events.push([user.id, "backup_code_used"]);
    if (ctx.context.newSession) events.push([user.id, "sign_in", { method }]);
    return events;
  }

  if (failed) return [];
  if (ctx.path === "/two-factor/disable") {
    const userId = ctx.context.newSession?.user.id;
    return userId ? [[userId, "two_factor_disabled"]] : [];
  }
  if (ctx.path === "/two-factor/generate-backup-codes") {
    const session = await getSessionFromCtx(ctx).catch(() => null);
    return session ? [[session.user.id, "backup_codes_regenerated"]] : [];
  }
  if (ctx.path === "/change-password" && user?.id) return [[user.id, "password_changed"]];
  return [];
}

/**
 * `hooks.after`: sign-ins, failed sign-ins, second-factor and password changes into the
 * user's security activity, with the device and approximate place of the request.
 */
export function createAuthAudit(db: Database) {
  async function record(ctx: AuthHookContext) {
    try {
      const events = await eventsOf(ctx);
      if (events.length === 0) return;
      const headers = ctx.request?.headers ?? ctx.headers ?? new Headers();
      // Not better-auth's address: it cuts IPv6 to /64 and is null behind several proxies.
      const origin = requestOrigin(headers);
      for (const [userId, kind, detail] of events) {
        await recordAuditEvent(db, userId, { kind, ...origin, detail });
      }
    } catch (error) {
      // The auth answer stands; a missing row is logged (the name only: no personal data).
      console.error(
        `security activity not recorded: ${error instanceof Error ? error.name : typeof error}`,
      );
    }
  }

  return async function recordAuthEvents(ctx: AuthHookContext) {
    // A refused password is recorded after the answer: the lookup and the row happen only
    // for emails with an account, and the answer's timing must not tell which those are.
    if (ctx.path === "/sign-in/email" && isAPIError(ctx.context.returned)) {
      void record(ctx);
      return;
    }
    await record(ctx);
  };
}
