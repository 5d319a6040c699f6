import "server-only";

import { getSettings, isoDayIn, sentenceIn } from "@caseward/core";
import type { z } from "zod";

import { db } from "./db";
import type { ApiRefusal } from "./http";
import { apiLocale, apiWords, failure } from "./http";

/**
 * A CSV download. The file name holds the kind of export and the day on the user's clock only:
 * never a company, a case title or anything else personal.
 */
export async function csvResponse(userId: string, kind: string, csv: string) {
  const day = isoDayIn(new Date(), (await getSettings(db, userId)).timeZone);
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="caseward-${kind}-${day}.csv"`,
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
    },
  });
}

/**
 * The query string read by a zod schema; when it is refused, a 400 with its first message in the
 * request's language: the Api sentence `refusals` names for that field, else the schema's own
 * sentence as the Validation catalogue says it.
 */
export async function readQuery<S extends z.ZodType>(
  req: Request,
  schema: S,
  refusals: Partial<Record<string, ApiRefusal>> = {},
): Promise<{ data: z.output<S> } | { refused: Response }> {
  const params = Object.fromEntries(
    [...new URL(req.url).searchParams].filter(([, value]) => value !== ""),
  );
  const parsed = schema.safeParse(params);
  if (parsed.success) return { data: parsed.data };
  const t = await apiWords();
  const issue = parsed.error.issues[0];
  const field = issue?.path[0];
  const refusal = typeof field === "string" ? refusals[field] : undefined;
  const message = refusal
    ? t(refusal)
    : issue
      ? sentenceIn(issue.message, await apiLocale())
      : t("checkFilters");
  return { refused: failure(400, message) };
}
