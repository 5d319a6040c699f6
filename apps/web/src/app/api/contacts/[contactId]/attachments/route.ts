import {
  addAttachment,
  contactAttachmentsInput,
  listAttachments,
  maxAttachmentBytes,
} from "@caseward/core";

import { env } from "~/env";
import { readSession } from "~/server/auth";
import { db } from "~/server/db";
import { errorResponse, failure, fromOtherSite, readBodyWithin } from "~/server/http";
import { fileErrorResponse } from "../../../attachments/file-errors";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// The file plus the multipart envelope around it (boundaries, part headers, the file's name).
// next.config.ts lets the proxy pass on 1 MB more than this, so the count below sees a larger
// body as too large instead of as a file cut short.
const maxBodyBytes = maxAttachmentBytes + 64 * 1024;
const tooLarge = "This file is larger than 25 MB.";

interface Params {
  params: Promise<{ contactId: string }>;
}

/** Uploads one file (multipart field `file`) to one of the user's contacts. */
export async function POST(req: Request, { params }: Params) {
  if (fromOtherSite(req)) return failure(403, "This request came from another site.");
  const session = await readSession(req.headers);
  if (!session) return failure(401, "Sign in to continue.");
  // Refused from the header alone: the body of an oversized upload is never read.
  if (Number(req.headers.get("content-length") ?? 0) > maxBodyBytes) return failure(413, tooLarge);
  const id = contactAttachmentsInput.safeParse(await params);
  if (!id.success) return failure(400, "Unknown contact.");

  // A chunked body declares no length, and a declared one may lie: the limit is kept on the
  // bytes actually read.
  const body = await readBodyWithin(req, maxBodyBytes);
  if (!body) return failure(413, tooLarge);
  const file = await new Response(body, {
    headers: { "content-type": req.headers.get("content-type") ?? "" },
  })
    .formData()
    .then((form) => form.get("file"))
    .catch(() => null);
  if (!(file instanceof File)) return failure(400, "Choose a file to attach.");

  try {
    const added = await addAttachment(
      db,
      session.user.id,
      {
        contactId: id.data.contactId,
        fileName: file.name,
        bytes: new Uint8Array(await file.arrayBuffer()),
      },
      { quotaBytes: env.UPLOAD_QUOTA_MB * 1024 * 1024 },
    );
    return Response.json(added, { status: 201, headers: { "cache-control": "no-store" } });
  } catch (error) {
    return fileErrorResponse(error, "attachment upload");
  }
}

/** The files of one of the user's contacts. */
export async function GET(req: Request, { params }: Params) {
  const session = await readSession(req.headers);
  if (!session) return failure(401, "Sign in to continue.");
  const id = contactAttachmentsInput.safeParse(await params);
  if (!id.success) return failure(400, "Unknown contact.");
  try {
    const list = await listAttachments(db, session.user.id, id.data.contactId);
    return Response.json(list, { headers: { "cache-control": "private, no-store" } });
  } catch (error) {
    return errorResponse(error, "attachment list");
  }
}
