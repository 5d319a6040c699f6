import type { AttachmentByteRange } from "@caseward/core";
import {
  attachmentContentDisposition,
  attachmentIdInput,
  deleteAttachment,
  downloadFileName,
  getAttachmentForDownload,
} from "@caseward/core";

import { recordRequestEvent } from "~/server/audit";
import { readSession } from "~/server/auth";
import { db } from "~/server/db";
import { errorResponse, fromOtherSite, refuse } from "~/server/http";
import { fileErrorResponse } from "../file-errors";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

interface Params {
  params: Promise<{ attachmentId: string }>;
}

/**
 * The file, to its owner only, streamed from the database a chunk at a time; a byte range when
 * asked (audio players seek with them).
 */
export async function GET(req: Request, { params }: Params) {
  const session = await readSession(req.headers);
  if (!session) return refuse(401, "signIn");
  const id = attachmentIdInput.safeParse(await params);
  if (!id.success) return refuse(400, "unknownAttachment");
  try {
    const { attachment, stream, range } = await getAttachmentForDownload(
      db,
      session.user.id,
      id.data.attachmentId,
      { range: requestedRange(req.headers.get("range")) },
    );
    const headers = new Headers({
      "content-type": attachment.mimeType,
      "content-disposition": attachmentContentDisposition(
        downloadFileName(attachment.fileName, attachment.mimeType),
      ),
      "content-length": String(range ? range.end - range.start + 1 : attachment.sizeBytes),
      "accept-ranges": "bytes",
      "x-content-type-options": "nosniff",
      "cache-control": "private, no-store",
      // Should a browser ever render one, it gets no scripts, no origin and no embedding.
      "content-security-policy": "default-src 'none'; sandbox",
      "cross-origin-resource-policy": "same-origin",
    });
    // A player seeking asks for many ranges: one event per download, at its first byte.
    if (!range || range.start === 0) {
      await recordRequestEvent(req, session.user.id, "file_downloaded", {
        attachmentId: id.data.attachmentId,
      });
    }
    if (range) {
      headers.set("content-range", `bytes ${range.start}-${range.end}/${attachment.sizeBytes}`);
    }
    return new Response(stream, { status: range ? 206 : 200, headers });
  } catch (error) {
    return fileErrorResponse(error, "attachment download");
  }
}

export async function DELETE(req: Request, { params }: Params) {
  if (fromOtherSite(req)) return refuse(403, "otherSite");
  const session = await readSession(req.headers);
  if (!session) return refuse(401, "signIn");
  const id = attachmentIdInput.safeParse(await params);
  if (!id.success) return refuse(400, "unknownAttachment");
  try {
    await deleteAttachment(db, session.user.id, id.data.attachmentId);
    await recordRequestEvent(req, session.user.id, "attachment_deleted", id.data);
    return new Response(null, { status: 204 });
  } catch (error) {
    return errorResponse(error, "attachment delete");
  }
}

/** `bytes=first-[last]`; other forms (suffix, several ranges) get the whole file. */
function requestedRange(header: string | null): AttachmentByteRange | undefined {
  const match = /^bytes=(\d{1,15})-(\d{0,15})$/.exec(header?.trim() ?? "");
  if (!match) return undefined;
  return {
    start: Number(match[1]),
    end: match[2] ? Number(match[2]) : Number.MAX_SAFE_INTEGER,
  };
}
