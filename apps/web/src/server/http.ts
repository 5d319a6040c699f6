import "server-only";

import type { DomainErrorCode } from "@caseward/core";
import { DomainError } from "@caseward/core";
import { defaultLocale } from "@caseward/core/i18n";
import { createTranslator } from "next-intl";

import { env } from "~/env";
import { requestLocale } from "~/i18n/request";
import en from "../../messages/en/Api.json";
import frCA from "../../messages/fr-CA/Api.json";
import { logUnexpectedError, unexpectedErrorMessage } from "./error-id";
import { isCrossSiteWrite } from "./security-headers";

// Helpers of the route handlers that are not tRPC (file upload and download).

const statusOf: Record<DomainErrorCode, number> = {
  BAD_REQUEST: 400,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
};

const apiMessages = { en, "fr-CA": frCA };

/**
 * The sentences of these answers, in the request's language (the user's setting, else the
 * sign-in page's choice or the browser's); English when the request has no language to read.
 */
export const apiLocale = () => requestLocale().catch(() => defaultLocale);

export async function apiWords() {
  const locale = await apiLocale();
  return createTranslator({ locale, messages: { Api: apiMessages[locale] }, namespace: "Api" });
}

export const failure = (status: number, error: string) =>
  Response.json({ error }, { status, headers: { "cache-control": "no-store" } });

export type ApiRefusal = Parameters<Awaited<ReturnType<typeof apiWords>>>[0];

/** `failure` with one of the Api sentences, looked up only when a refusal is sent. */
export const refuse = async (status: number, sentence: ApiRefusal) =>
  failure(status, (await apiWords())(sentence));

/** A user's mistake becomes its 4xx; anything else is a logged 500 without personal data. */
export function errorResponse(error: unknown, what: string) {
  if (error instanceof DomainError) return failure(statusOf[error.code], error.message);
  // The error name and an id only: messages and causes may carry personal data.
  return failure(500, unexpectedErrorMessage(logUnexpectedError(what, error)));
}

/** A write sent by another site's page (the proxy refuses these before any route runs). */
export const fromOtherSite = (req: Request) => isCrossSiteWrite(req, env.BASE_URL);

/** The request's body, or null as soon as it grows past `limit` bytes (a declared length may lie). */
export async function readBodyWithin(
  req: Request,
  limit: number,
): Promise<Uint8Array<ArrayBuffer> | null> {
  if (!req.body) return new Uint8Array();
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return Buffer.concat(chunks);
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
}

/** The body of a form of a few fields (a password, an address): far more than any needs. */
export const smallBodyBytes = 64 * 1024;

/**
 * The request with its body read, or the 413 answer, for every route that reads a body. The
 * limit is kept on the bytes actually read (issue 18, finding 4): a chunked body declares no
 * length and a declared one may lie, so reading stops at the first byte past the limit.
 */
export async function withBodyWithin(
  req: Request,
  limit: number,
  tooLarge: () => Response | Promise<Response>,
): Promise<Request | Response> {
  if (req.method === "GET" || req.method === "HEAD" || !req.body) return req;
  if (Number(req.headers.get("content-length") ?? 0) > limit) return tooLarge();
  const body = await readBodyWithin(req, limit);
  if (!body) return tooLarge();
  const headers = new Headers(req.headers);
  headers.delete("transfer-encoding");
  headers.set("content-length", String(body.byteLength));
  return new Request(req.url, { method: req.method, headers, body, signal: req.signal });
}

/**
 * A small form's write (a password, an address), or the answer to send instead: refused when
 * another site sent it (403) or when its body passes `smallBodyBytes` as it is read (413).
 */
export async function smallWriteFrom(req: Request): Promise<Request | Response> {
  if (fromOtherSite(req)) return refuse(403, "otherSite");
  return withBodyWithin(req, smallBodyBytes, () => refuse(413, "tooLarge"));
}
