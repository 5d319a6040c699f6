import { evidenceFileName, getEvidencePack, renderEvidencePdf } from "@caseward/core";

import { recordRequestEvent } from "~/server/audit";
import { caseDownload } from "~/server/case-route";
import { db } from "~/server/db";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The case's evidence pack as a PDF, to its owner only. */
export async function GET(req: Request, { params }: { params: Promise<{ caseId: string }> }) {
  return caseDownload(req, params, "evidence pack", async (userId, caseId) => {
    const pack = await getEvidencePack(db, userId, caseId);
    const pdf = await renderEvidencePdf(pack);
    await recordRequestEvent(req, userId, "evidence_downloaded", { caseId });
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
  });
}
