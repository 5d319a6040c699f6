import { caseId as caseIdInput, fileEmlOnCase } from "@caseward/core";

import { env } from "~/env";
import { scheduleTimers } from "~/server/jobs";
import { readSession } from "~/server/auth";
import { db } from "~/server/db";
import { failure, fromOtherSite } from "~/server/http";
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
  if (fromOtherSite(req)) return failure(403, "This request came from another site.");
  const session = await readSession(req.headers);
  if (!session) return failure(401, "Sign in to continue.");
  const id = caseIdInput.safeParse(await params);
  if (!id.success) return failure(400, "Unknown case.");
  const file = await readUploadedFile(req, {
    tooLarge: "This email is larger than 25 MB.",
    missing: "Choose an email file (.eml) to add.",
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
