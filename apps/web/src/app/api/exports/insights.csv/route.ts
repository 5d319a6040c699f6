import { getInsights, insightsInput, insightTableCsv, insightTables } from "@caseward/core";
import { z } from "zod";

import { readSession } from "~/server/auth";
import { csvResponse, readQuery } from "~/server/csv";
import { db } from "~/server/db";
import { errorResponse, refuse } from "~/server/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// A table it does not know is refused with the Api catalogue's `chooseTable`, in the user's language.
const insightsCsvInput = insightsInput.extend({
  table: z.enum(insightTables).default("months"),
});

/** One table of the insights page as CSV, with the page's filters. */
export async function GET(req: Request) {
  const session = await readSession(req.headers);
  if (!session) return refuse(401, "signIn");
  const query = await readQuery(req, insightsCsvInput, { table: "chooseTable" });
  if ("refused" in query) return query.refused;
  try {
    const { table, ...filter } = query.data;
    const insights = await getInsights(db, session.user.id, filter);
    return await csvResponse(
      session.user.id,
      `insights-${table}`,
      insightTableCsv(insights, table),
    );
  } catch (error) {
    return errorResponse(error, "insights export");
  }
}
