import type { Executor } from "@caseward/db";
import { eq } from "@caseward/db";
import { attachments } from "@caseward/db/schema";
import { Zip, ZipDeflate, ZipPassThrough } from "fflate";

import { readAttachmentFile } from "../attachments/storage";
import { collectAccountData } from "./account-data";

/** A name safe in any zip tool: no folders, no control characters, not too long. */
export function zipEntryName(fileName: string) {
  const cleaned = Array.from(fileName.normalize("NFC"))
    .map((c) => (c < " " || c === "\u007f" || '/\\:*?"<>|'.includes(c) ? "_" : c))
    .join("")
    .replace(/^\.+/, "_")
    .slice(0, 120);
  return cleaned || "file";
}

/**
 * Everything of the user as a zip, streamed: `caseward-export.json` (every row, see
 * collectAccountData) and `files/<attachment id>-<name>` for each uploaded file.
 */
export async function exportAccount(
  db: Executor,
  userId: string,
  { uploadDir }: { uploadDir: string },
): Promise<ReadableStream<Uint8Array>> {
  const [data, files] = await Promise.all([
    collectAccountData(db, userId),
    db
      .select({ id: attachments.id, fileName: attachments.fileName, key: attachments.storageKey })
      .from(attachments)
      .where(eq(attachments.ownerId, userId)),
  ]);
  return new ReadableStream<Uint8Array>({
    async start(controller) {
      const zip = new Zip((error, chunk, final) => {
        if (error) return controller.error(error);
        controller.enqueue(chunk);
        if (final) controller.close();
      });
      const json = new ZipDeflate("caseward-export.json", { level: 6 });
      zip.add(json);
      json.push(new TextEncoder().encode(`${JSON.stringify(data, null, 2)}\n`), true);
      try {
        for (const file of files) {
          const stream = await readAttachmentFile({
            uploadDir,
            ownerId: userId,
            storageKey: file.key,
          });
          if (!stream) continue; // A row whose file is gone: the JSON still lists it.
          // Recordings and PDFs are compressed already: stored as they are.
          const entry = new ZipPassThrough(`files/${file.id}-${zipEntryName(file.fileName)}`);
          zip.add(entry);
          const reader = stream.getReader();
          for (let next = await reader.read(); !next.done; next = await reader.read()) {
            entry.push(next.value);
          }
          entry.push(new Uint8Array(0), true);
        }
        zip.end();
      } catch (error) {
        controller.error(error);
      }
    },
  });
}
