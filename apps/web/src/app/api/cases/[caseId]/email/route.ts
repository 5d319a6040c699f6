import { caseId as caseIdInput, fileEmlOnCase, maxAttachmentBytes } from "@caseward/core";

import { env } from "~/env";
import { scheduleTimers } from "~/server/jobs";
import { readSession } from "~/server/auth";
import { db } from "~/server/db";
import { failure, fromOtherSite, readBodyWithin } from "~/server/http";
import { fileErrorResponse } from "../../../attachments/file-errors";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const maxBodyBytes = maxAttachmentBytes + 64 * 1024;
const tooLarge = "This email is larger than 25 MB.";

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
  if (Number(req.headers.get("content-length") ?? 0) > maxBodyBytes) return failure(413, tooLarge);
  const id = caseIdInput.safeParse(await params);
  if (!id.success) return failure(400, "Unknown case.");
  const body = await readBodyWithin(req, maxBodyBytes);
  if (!body) return failure(413, tooLarge);
  const file = await new Response(body, {
    headers: { "content-type": req.headers.get("content-type") ?? "" },
  })
    .formData()
    .then((form) => form.get("file"))
    .catch(() => null);
  if (!(file instanceof File)) return failure(400, "Choose an email file (.eml) to add.");
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
