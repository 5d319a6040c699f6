import { exportAccount, getSettings, isoDayIn } from "@caseward/core";

import { recordRequestEvent } from "~/server/audit";
import { readSession } from "~/server/auth";
import { db } from "~/server/db";
import { errorResponse, refuse } from "~/server/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Everything of the signed-in user: every row as JSON and every uploaded file, in one zip. */
export async function GET(req: Request) {
  const session = await readSession(req.headers);
  if (!session) return refuse(401, "signIn");
  try {
    // Recorded first, so the export itself lists it.
    await recordRequestEvent(req, session.user.id, "account_exported");
    const zip = await exportAccount(db, session.user.id);
    // The day on the user's clock, not the server's (UTC's day is tomorrow every evening in Toronto).
    const day = isoDayIn(new Date(), (await getSettings(db, session.user.id)).timeZone);
    return new Response(zip, {
      headers: {
        "content-type": "application/zip",
        "content-disposition": `attachment; filename="caseward-export-${day}.zip"`,
        "cache-control": "private, no-store",
        "x-content-type-options": "nosniff",
      },
    });
  } catch (error) {
    return errorResponse(error, "account export");
  }
}
