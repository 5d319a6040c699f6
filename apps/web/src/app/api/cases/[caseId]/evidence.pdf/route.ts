import { caseId, evidenceFileName, getEvidencePack, renderEvidencePdf } from "@caseward/core";

import { recordRequestEvent } from "~/server/audit";
import { readSession } from "~/server/auth";
import { db } from "~/server/db";
import { errorResponse, failure } from "~/server/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The case's evidence pack as a PDF, to its owner only. */
export async function GET(req: Request, { params }: { params: Promise<{ caseId: string }> }) {
  const session = await readSession(req.headers);
  if (!session) return failure(401, "Sign in to continue.");
  // A malformed id names no case of this user: the same answer as someone else's case.
  const id = caseId.safeParse(await params);
  if (!id.success) return failure(404, "Case not found.");
  try {
    const pack = await getEvidencePack(db, session.user.id, id.data.caseId);
    const pdf = await renderEvidencePdf(pack);
    await recordRequestEvent(req, session.user.id, "evidence_downloaded", id.data);
    return new Response(new Uint8Array(pdf), {
      headers: {
        "content-type": "application/pdf",
        // A neutral name (the day, no title), ASCII only: no quoting or encoding needed.
        "content-disposition": `attachment; filename="${evidenceFileName(pack)}"`,
        "content-length": String(pdf.byteLength),
        "cache-control": "private, no-store",
        "x-content-type-options": "nosniff",
      },
    });
  } catch (error) {
    return errorResponse(error, "evidence pack");
  }
}
