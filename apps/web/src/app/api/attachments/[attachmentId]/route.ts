import type { AttachmentByteRange, DomainErrorCode } from "@caseward/core";
import {
  attachmentContentDisposition,
  attachmentIdInput,
  deleteAttachment,
  DomainError,
  downloadFileName,
  getAttachmentForDownload,
} from "@caseward/core";

import { env } from "~/env";
import { auth } from "~/server/auth";
import { db } from "~/server/db";
import { uploadDir } from "~/server/paths";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

interface Params {
  params: Promise<{ attachmentId: string }>;
}

/** The file, to its owner only; a byte range when asked (audio players seek with them). */
export async function GET(req: Request, { params }: Params) {
  const session = await auth.api.getSession({ headers: req.headers });
  if (!session) return failure(401, "Sign in to continue.");
  const id = attachmentIdInput.safeParse(await params);
  if (!id.success) return failure(400, "Unknown attachment.");
  try {
    const { attachment, stream, range } = await getAttachmentForDownload(
      db,
      session.user.id,
      id.data.attachmentId,
      { uploadDir: uploadDir(), range: requestedRange(req.headers.get("range")) },
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
    if (range) {
      headers.set("content-range", `bytes ${range.start}-${range.end}/${attachment.sizeBytes}`);
    }
    return new Response(stream, { status: range ? 206 : 200, headers });
  } catch (error) {
    return errorResponse(error, "attachment download");
  }
}

export async function DELETE(req: Request, { params }: Params) {
  if (fromOtherSite(req)) return failure(403, "This request came from another site.");
  const session = await auth.api.getSession({ headers: req.headers });
  if (!session) return failure(401, "Sign in to continue.");
  const id = attachmentIdInput.safeParse(await params);
  if (!id.success) return failure(400, "Unknown attachment.");
  try {
    await deleteAttachment(db, session.user.id, id.data.attachmentId, { uploadDir: uploadDir() });
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

// --- shared with api/contacts/[contactId]/attachments/route.ts (a route file exports handlers only)

const statusOf: Record<DomainErrorCode, number> = {
  BAD_REQUEST: 400,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
};

const failure = (status: number, error: string) =>
  Response.json({ error }, { status, headers: { "cache-control": "no-store" } });

function errorResponse(error: unknown, what: string) {
  if (error instanceof DomainError) return failure(statusOf[error.code], error.message);
  // The error name only: messages and causes may carry personal data.
  console.error(`${what} failed: ${error instanceof Error ? error.name : typeof error}`);
  return failure(500, "Something went wrong. Please try again.");
}

/** A browser always names the page that sent a write; another site's page must not write. */
function fromOtherSite(req: Request) {
  const origin = req.headers.get("origin");
  if (origin === null) return false;
  try {
    const { host } = new URL(origin);
    return host !== req.headers.get("host") && host !== new URL(env.BASE_URL).host;
  } catch {
    return true;
  }
}
