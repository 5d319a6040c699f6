import "server-only";

import { getSettings, isoDayIn } from "@caseward/core";
import type { z } from "zod";

import { db } from "./db";
import { apiWords, failure } from "./http";

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

/** The query string read by a zod schema: its first message and a 400 when it is refused. */
export async function readQuery<S extends z.ZodType>(
  req: Request,
  schema: S,
): Promise<{ data: z.output<S> } | { refused: Response }> {
  const params = Object.fromEntries(
    [...new URL(req.url).searchParams].filter(([, value]) => value !== ""),
  );
  const parsed = schema.safeParse(params);
  if (parsed.success) return { data: parsed.data };
  const fallback = (await apiWords())("checkFilters");
  return { refused: failure(400, parsed.error.issues[0]?.message ?? fallback) };
}
