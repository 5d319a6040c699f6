import { caseTimelineCsv } from "@caseward/core";

import { caseDownload } from "~/server/case-route";
import { csvResponse } from "~/server/csv";
import { db } from "~/server/db";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** A case's timeline (its contacts) as CSV, decrypted for its owner only. */
export async function GET(req: Request, { params }: { params: Promise<{ caseId: string }> }) {
  return caseDownload(req, params, "case timeline export", async (userId, caseId) =>
    csvResponse(userId, "case-timeline", await caseTimelineCsv(db, userId, caseId)),
  );
}
