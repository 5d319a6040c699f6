import { caseId as caseIdInput, fileEmlOnCase } from "@caseward/core";

import { env } from "~/env";
import { scheduleTimers } from "~/server/jobs";
import { readSession } from "~/server/auth";
import { db } from "~/server/db";
import { fromOtherSite, refuse } from "~/server/http";
import { readUploadedFile } from "~/server/upload";
import { fileErrorResponse } from "../../../attachments/file-errors";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

interface Params {
  params: Promise<{ caseId: string }>;
}

/**
 * Files an email saved from a mail program (multipart field `file`, an `.eml`) into one of the
 * user's cases, through the same path as mail sent to their Caseward address.
 */
export async function POST(req: Request, { params }: Params) {
  if (fromOtherSite(req)) return refuse(403, "otherSite");
  const session = await readSession(req.headers);
  if (!session) return refuse(401, "signIn");
  const id = caseIdInput.safeParse(await params);
  if (!id.success) return refuse(400, "unknownCase");
  const file = await readUploadedFile(req, {
    tooLarge: "emailTooLarge",
    missing: "emailMissing",
  });
  if (file instanceof Response) return file;
  try {
    const filed = await fileEmlOnCase(
      db,
      session.user.id,
      { caseId: id.data.caseId, bytes: new Uint8Array(await file.arrayBuffer()) },
      {
        schedule: scheduleTimers,
        quotaBytes: env.UPLOAD_QUOTA_MB * 1024 * 1024,
        receivingDomain: env.INBOUND_DOMAIN,
      },
    );
    return Response.json(
      { contactId: filed.contactId, caseId: filed.caseId },
      { status: 201, headers: { "cache-control": "no-store" } },
    );
  } catch (error) {
    return fileErrorResponse(error, "email filing");
  }
}
