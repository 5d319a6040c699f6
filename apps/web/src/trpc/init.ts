// Zod's messages in Caseward's words for every procedure's input (see lib/form.ts).
import "@caseward/core/zod-messages";

import type { Locale } from "@caseward/core";
import {
  DomainError,
  domainErrorIn,
  errorIn,
  forgetInsights,
  getSettings,
  refuseUnstorableInput,
  sentenceIn,
} from "@caseward/core";
import { defaultLocale, isLocale, localeFromAcceptLanguage } from "@caseward/core/i18n";
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { z, ZodError } from "zod";

import { endSessions, readSession } from "~/server/auth";
import { db } from "~/server/db";
import { localeCookie } from "~/i18n/locale-cookie";
import { errorIdOf, unexpectedErrorMessage } from "~/server/error-id";
import { scheduleTimers } from "~/server/jobs";
import { transformer } from "./transformer";

export async function createTRPCContext(opts: { headers: Headers }) {
  const session = await readSession(opts.headers);
  // The request's headers: device and place of the security activity (trpc/audited.ts).
  return {
    db,
    session,
    scheduleTimers,
    endSessions,
    headers: opts.headers as Headers | undefined,
  };
}
type Context = Awaited<ReturnType<typeof createTRPCContext>>;

const t = initTRPC.context<Context>().create({
  // superjson's format; answers of plain data are written without superjson's copy of them.
  transformer: { input: superjson, output: transformer },
  errorFormatter: ({ shape, error }) => {
    // A bug's answer says nothing of its cause (a database error quotes the statement and its
    // parameters): a sentence and the id of the log line that has the error's name.
    if (error.code === "INTERNAL_SERVER_ERROR") {
      const { stack: _stack, ...data } = shape.data;
      return {
        ...shape,
        message: unexpectedErrorMessage(errorIdOf(error)),
        data: { ...data, fieldErrors: null },
      };
    }
    const cause = error.cause;
    const fieldErrors =
      cause instanceof ZodError
        ? z.flattenError(cause).fieldErrors
        : cause instanceof DomainError
          ? cause.fieldErrors
          : undefined;
    return { ...shape, data: { ...shape.data, fieldErrors: fieldErrors ?? null } };
  },
});

/**
 * The language of this request's refusals (as pages, i18n/request.ts): the user's setting, else
 * the sign-in page's choice (its cookie), else Accept-Language. Read only when a refusal is sent.
 */
async function refusalLocale(ctx: Context): Promise<Locale> {
  if (ctx.session) {
    // A refusal is still sent, in English, if the settings cannot be read.
    const settings = await getSettings(ctx.db, ctx.session.user.id).catch(() => null);
    return settings?.locale ?? defaultLocale;
  }
  const cookie = ctx.headers?.get("cookie") ?? "";
  const chosen = new RegExp(`(?:^|;\\s*)${localeCookie}=([^;]*)`).exec(cookie)?.[1];
  if (isLocale(chosen)) return chosen;
  return localeFromAcceptLanguage(ctx.headers?.get("accept-language"));
}

// Errors a user can cause become their 4xx, in the user's language; a ZodError thrown inside a
// service (it re-parses its input) is a bad request too, never a 500.
const domainErrors = t.middleware(async ({ ctx, next }) => {
  const result = await next();
  if (!result.ok) {
    const cause = result.error.cause;
    if (cause instanceof DomainError) {
      const said = domainErrorIn(cause, await refusalLocale(ctx));
      const translated = new DomainError(cause.code, said.message, said.fieldErrors, cause.text);
      throw new TRPCError({ code: cause.code, message: said.message, cause: translated });
    }
    if (cause instanceof ZodError) {
      const locale = await refusalLocale(ctx);
      // Zod types an issue's message read-only; the parse is over, its error is ours to word.
      for (const issue of cause.issues as { message: string }[]) {
        issue.message = sentenceIn(issue.message, locale);
      }
      const message = errorIn(locale, "someFieldsNeedAttention");
      throw new TRPCError({ code: "BAD_REQUEST", message, cause });
    }
    if (result.error.code === "UNAUTHORIZED") {
      const message = errorIn(await refusalLocale(ctx), "signInToContinue");
      throw new TRPCError({ code: "UNAUTHORIZED", message, cause: result.error });
    }
  }
  return result;
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

// Text with a control character, or a date outside 1900–2199, is refused before any schema or
// service sees it (core/input-safety.ts): it could only fail in the database.
const storableInput = t.middleware(async ({ getRawInput, next }) => {
  refuseUnstorableInput(await getRawInput());
  return next();
});

export const publicProcedure = t.procedure.use(domainErrors).use(storableInput);

export const protectedProcedure = publicProcedure.use(async ({ ctx, type, next }) => {
  if (!ctx.session) {
    throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in to continue." });
  }
  const result = await next({
    ctx: {
      db: ctx.db,
      user: ctx.session.user,
      sessionId: ctx.session.session.id,
      scheduleTimers: ctx.scheduleTimers,
      endSessions: ctx.endSessions,
    },
  });
  // Any change the user made: their remembered insights are out of date.
  if (type === "mutation") forgetInsights(ctx.session.user.id);
  return result;
});
