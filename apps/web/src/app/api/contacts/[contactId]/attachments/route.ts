import { addAttachment, contactAttachmentsInput, listAttachments } from "@caseward/core";

import { env } from "~/env";
import { readSession } from "~/server/auth";
import { db } from "~/server/db";
import { errorResponse, failure, fromOtherSite } from "~/server/http";
import { readUploadedFile } from "~/server/upload";
import { fileErrorResponse } from "../../../attachments/file-errors";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

interface Params {
  params: Promise<{ contactId: string }>;
}

/** Uploads one file (multipart field `file`) to one of the user's contacts. */
export async function POST(req: Request, { params }: Params) {
  if (fromOtherSite(req)) return failure(403, "This request came from another site.");
  const session = await readSession(req.headers);
  if (!session) return failure(401, "Sign in to continue.");
  const id = contactAttachmentsInput.safeParse(await params);
  if (!id.success) return failure(400, "Unknown contact.");
  const file = await readUploadedFile(req, {
    tooLarge: "This file is larger than 25 MB.",
    missing: "Choose a file to attach.",
  });
  if (file instanceof Response) return file;

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
