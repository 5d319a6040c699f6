import { caseId, caseTimelineCsv } from "@caseward/core";

import { readSession } from "~/server/auth";
import { csvResponse } from "~/server/csv";
import { db } from "~/server/db";
import { errorResponse, failure } from "~/server/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** A case's timeline (its contacts) as CSV, decrypted for its owner only. */
export async function GET(req: Request, { params }: { params: Promise<{ caseId: string }> }) {
  const session = await readSession(req.headers);
  if (!session) return failure(401, "Sign in to continue.");
  const id = caseId.safeParse(await params);
  if (!id.success) return failure(404, "Case not found.");
  try {
    const csv = await caseTimelineCsv(db, session.user.id, id.data.caseId);
    return await csvResponse(session.user.id, "case-timeline", csv);
  } catch (error) {
    return errorResponse(error, "case timeline export");
  }
}
