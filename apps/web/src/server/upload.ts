import { maxAttachmentBytes } from "@caseward/core";

import type { ApiRefusal } from "./http";
import { readBodyWithin, refuse } from "./http";

// The file plus the multipart envelope around it (boundaries, part headers, the file's name).
// next.config.ts lets the proxy pass on 1 MB more than this, so the count below sees a larger
// body as too large instead of as a file cut short.
const maxBodyBytes = maxAttachmentBytes + 64 * 1024;

/**
 * The one file of a multipart upload (field `file`), or the 4xx answer to send instead. Refused
 * from the header alone when it declares too much (the body is never read); a chunked body
 * declares no length and a declared one may lie, so the limit is also kept on the bytes read.
 */
export async function readUploadedFile(
  req: Request,
  messages: { tooLarge: ApiRefusal; missing: ApiRefusal },
): Promise<File | Response> {
  if (Number(req.headers.get("content-length") ?? 0) > maxBodyBytes) {
    return refuse(413, messages.tooLarge);
  }
  const body = await readBodyWithin(req, maxBodyBytes);
  if (!body) return refuse(413, messages.tooLarge);
  const file = await new Response(body, {
    headers: { "content-type": req.headers.get("content-type") ?? "" },
  })
    .formData()
    .then((form) => form.get("file"))
    .catch(() => null);
  return file instanceof File ? file : refuse(400, messages.missing);
}
