import type { Executor } from "@caseward/db";
import { and, eq, isNull } from "@caseward/db";
import { attachments, inboundRawChunks } from "@caseward/db/schema";
import { Zip, ZipDeflate, ZipPassThrough } from "fflate";

import { readFileChunks } from "../attachments/file-store";
import { readInboundRaw } from "../inbound/store";
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
 * collectAccountData), `files/<attachment id>-<name>` for each uploaded file, read from the
 * database a chunk at a time (a file still on disk, not moved by `pnpm files:migrate`, is
 * listed in the JSON only), and `inbound/<message id>.eml` for each email received and not
 * filed yet, decrypted (a filed one is its contact's `email.eml`, masked, among the files).
 */
export async function exportAccount(
  db: Executor,
  userId: string,
): Promise<ReadableStream<Uint8Array>> {
  const [data, files, unfiled] = await Promise.all([
    collectAccountData(db, userId),
    db
      .select({
        id: attachments.id,
        fileName: attachments.fileName,
        sizeBytes: attachments.sizeBytes,
      })
      .from(attachments)
      .where(and(eq(attachments.ownerId, userId), isNull(attachments.storageKey))),
    db
      .selectDistinct({ id: inboundRawChunks.inboundMessageId })
      .from(inboundRawChunks)
      .where(eq(inboundRawChunks.ownerId, userId)),
  ]);
  // The zip is made as the client reads it: files are read on while less than `buffered`
  // bytes wait to be sent, so a slow download of a gigabyte of files holds a few MB, not all.
  const buffered = 4 * 1024 * 1024;
  let wanted: (() => void) | null = null;
  let cancelled = false;
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        const demand = () =>
          (controller.desiredSize ?? 0) > 0
            ? Promise.resolve()
            : new Promise<void>((resolve) => (wanted = resolve));
        const zip = new Zip((error, chunk, final) => {
          if (error) return controller.error(error);
          controller.enqueue(chunk);
          if (final) controller.close();
        });
        const json = new ZipDeflate("caseward-export.json", { level: 6 });
        zip.add(json);
        json.push(new TextEncoder().encode(`${JSON.stringify(data, null, 2)}\n`), true);
        void (async () => {
          for (const file of files) {
            const stream = await readFileChunks(db, {
              attachmentId: file.id,
              ownerId: userId,
              part: "content",
              sizeBytes: file.sizeBytes,
            });
            // Recordings, PDFs and photos are compressed already: stored as they are.
            const entry = new ZipPassThrough(`files/${file.id}-${zipEntryName(file.fileName)}`);
            zip.add(entry);
            const reader = stream.getReader();
            for (let next = await reader.read(); !next.done; next = await reader.read()) {
              await demand();
              if (cancelled) return void (await reader.cancel());
              entry.push(next.value);
            }
            entry.push(new Uint8Array(0), true);
          }
          for (const message of unfiled) {
            if (cancelled) return;
            await demand();
            // At most the receiver's 25 MB: read whole.
            const raw = await readInboundRaw(db, userId, message.id);
            const entry = new ZipDeflate(`inbound/${message.id}.eml`, { level: 6 });
            zip.add(entry);
            entry.push(raw, true);
          }
          zip.end();
        })().catch((error: unknown) => controller.error(error));
      },
      pull() {
        wanted?.();
        wanted = null;
      },
      cancel() {
        cancelled = true;
        wanted?.();
      },
    },
    { highWaterMark: buffered, size: (chunk) => chunk.byteLength },
  );
}
