import { contactsCsv, contactsCsvInput } from "@caseward/core";

import { readSession } from "~/server/auth";
import { csvResponse, readQuery } from "~/server/csv";
import { db } from "~/server/db";
import { errorResponse, refuse } from "~/server/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** All the user's contacts as CSV, filtered by company, case, direction, channel and dates. */
export async function GET(req: Request) {
  const session = await readSession(req.headers);
  if (!session) return refuse(401, "signIn");
  const query = await readQuery(req, contactsCsvInput);
  if ("refused" in query) return query.refused;
  try {
    const csv = await contactsCsv(db, session.user.id, query.data);
    return await csvResponse(session.user.id, "contacts", csv);
  } catch (error) {
    return errorResponse(error, "contacts export");
  }
}
