import { attachmentIdInput, getAttachmentThumbnail } from "@caseward/core";

import { readSession } from "~/server/auth";
import { db } from "~/server/db";
import { refuse } from "~/server/http";
import { fileErrorResponse } from "../../file-errors";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

interface Params {
  params: Promise<{ attachmentId: string }>;
}

/** The small picture of an image, to its owner only, kept out of shared caches. */
export async function GET(req: Request, { params }: Params) {
  const session = await readSession(req.headers);
  if (!session) return refuse(401, "signIn");
  const id = attachmentIdInput.safeParse(await params);
  if (!id.success) return refuse(400, "unknownAttachment");
  try {
    const { bytes, mimeType } = await getAttachmentThumbnail(
      db,
      session.user.id,
      id.data.attachmentId,
    );
    return new Response(new Uint8Array(bytes), {
      headers: {
        "content-type": mimeType,
        "content-length": String(bytes.byteLength),
        "x-content-type-options": "nosniff",
        // A photo of a letter is personal: never kept by a proxy, nor by this browser.
        "cache-control": "private, no-store",
        "content-security-policy": "default-src 'none'; sandbox",
        "cross-origin-resource-policy": "same-origin",
      },
    });
  } catch (error) {
    return fileErrorResponse(error, "attachment thumbnail");
  }
}
