import { addAttachment, contactAttachmentsInput, listAttachments } from "@caseward/core";

import { env } from "~/env";
import { readSession } from "~/server/auth";
import { db } from "~/server/db";
import { errorResponse, fromOtherSite, refuse } from "~/server/http";
import { readUploadedFile } from "~/server/upload";
import { fileErrorResponse } from "../../../attachments/file-errors";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

interface Params {
  params: Promise<{ contactId: string }>;
}

/** Uploads one file (multipart field `file`) to one of the user's contacts. */
export async function POST(req: Request, { params }: Params) {
  if (fromOtherSite(req)) return refuse(403, "otherSite");
  const session = await readSession(req.headers);
  if (!session) return refuse(401, "signIn");
  const id = contactAttachmentsInput.safeParse(await params);
  if (!id.success) return refuse(400, "unknownContact");
  const file = await readUploadedFile(req, {
    tooLarge: "fileTooLarge",
    missing: "fileMissing",
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
  if (!session) return refuse(401, "signIn");
  const id = contactAttachmentsInput.safeParse(await params);
  if (!id.success) return refuse(400, "unknownContact");
  try {
    const list = await listAttachments(db, session.user.id, id.data.contactId);
    return Response.json(list, { headers: { "cache-control": "private, no-store" } });
  } catch (error) {
    return errorResponse(error, "attachment list");
  }
}
