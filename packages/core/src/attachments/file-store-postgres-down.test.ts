// PostgreSQL stops in the middle of a download and of an upload, then starts again on the same
// port and data. The download fails with a clean error (no library message), the upload stores
// nothing, and once the server is back the file reads whole and unchanged. The PostgreSQL is
// this file's own (embedded), so the other test files are not disturbed.
import { createHash, randomBytes } from "node:crypto";

import { eq, sql } from "@caseward/db";
import { createDatabase } from "@caseward/db/client";
import { attachments, fileChunks } from "@caseward/db/schema";
import { migrateDatabase } from "@caseward/db/migrate";
import type { EmbeddedPostgres } from "@caseward/services/postgres";
import { startEmbeddedPostgres } from "@caseward/services/postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestContact } from "../testing";
import { addAttachment, getAttachmentForDownload, listAttachments } from "./attachment-service";
import { chunkBytes } from "./chunk-cipher";
import { FileUnavailableError, isDatabaseUnavailable } from "./file-store";

let postgres: EmbeddedPostgres;
let connection: ReturnType<typeof createDatabase>;
beforeAll(async () => {
  postgres = await startEmbeddedPostgres();
  await migrateDatabase(postgres.url);
  connection = createDatabase(postgres.url, { max: 2 });
});
afterAll(async () => {
  await connection?.close();
  await postgres?.destroy();
});

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

describe("files when PostgreSQL stops", () => {
  it(
    "a download cut by the stop fails cleanly; an upload stores nothing; the file is whole after",
    { timeout: 90_000 },
    async () => {
      const { db } = connection;
      const { user, contact } = await createTestContact(db, "Down");
      const content = new TextEncoder().encode(randomBytes(2_500_000).toString("hex"));
      const added = await addAttachment(db, user.id, {
        contactId: contact.id,
        fileName: "call.txt",
        bytes: content,
      });

      const download = await getAttachmentForDownload(db, user.id, added.id);
      const reader = download.stream.getReader();
      const first = await reader.read();
      expect(first.value?.byteLength).toBe(chunkBytes);

      await postgres.stop();
      // The stream reads one chunk ahead, which may have arrived before the stop: read on
      // until it fails (it must, before the end: five chunks, at most two fetched).
      let cut: unknown = null;
      for (let read = 0; read < 5 && cut === null; read++) {
        cut = await reader.read().then(
          ({ done }) => (done ? "ended" : null),
          (error: unknown) => error,
        );
      }
      expect(cut).toBeInstanceOf(FileUnavailableError);
      expect((cut as Error).message).toBe("Files cannot be read right now.");

      // Asked for while the server is down: refused before any byte, as "unavailable".
      const refused = await getAttachmentForDownload(db, user.id, added.id).catch(
        (e: unknown) => e,
      );
      expect(isDatabaseUnavailable(refused)).toBe(true);
      const upload = await addAttachment(db, user.id, {
        contactId: contact.id,
        fileName: "second.txt",
        bytes: content,
      }).catch((e: unknown) => e);
      expect(isDatabaseUnavailable(upload)).toBe(true);

      await postgres.start();
      const again = await getAttachmentForDownload(db, user.id, added.id);
      const whole = new Uint8Array(await new Response(again.stream).arrayBuffer());
      expect(whole.byteLength).toBe(content.byteLength);
      expect(sha256(whole)).toBe(sha256(content));
      expect((await listAttachments(db, user.id, contact.id)).map((a) => a.id)).toEqual([added.id]);
      const [chunks] = await db
        .select({ n: sql<number>`count(*)`.mapWith(Number) })
        .from(fileChunks)
        .where(eq(fileChunks.ownerId, user.id));
      expect(chunks?.n).toBe(Math.ceil(content.byteLength / chunkBytes));
      const [rows] = await db
        .select({ n: sql<number>`count(*)`.mapWith(Number) })
        .from(attachments)
        .where(eq(attachments.ownerId, user.id));
      expect(rows?.n).toBe(1);
    },
  );

  it(
    "an upload cut by the stop mid-transaction leaves no row and no chunk",
    { timeout: 90_000 },
    async () => {
      const { db } = connection;
      const { user, contact } = await createTestContact(db, "Half");
      // 25 chunks take long enough to write that the stop lands in the middle.
      const content = new Uint8Array(25 * chunkBytes).fill(0x61);
      const upload = addAttachment(db, user.id, {
        contactId: contact.id,
        fileName: "long.txt",
        bytes: content,
      }).catch((e: unknown) => e);
      // Stop as soon as the transaction has written its first chunk.
      const watcher = createDatabase(postgres.url, { max: 1 });
      for (let i = 0; i < 400; i++) {
        const [row] = await watcher.db.execute<{ n: number }>(
          sql`select count(*)::int as n from pg_stat_activity where query like 'insert into "file_chunks"%'`,
        );
        if ((row?.n ?? 0) > 0) break;
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      await watcher.close();
      await postgres.stop();
      expect(isDatabaseUnavailable(await upload)).toBe(true);
      await postgres.start();
      expect(await listAttachments(db, user.id, contact.id)).toEqual([]);
      const [chunks] = await db
        .select({ n: sql<number>`count(*)`.mapWith(Number) })
        .from(fileChunks)
        .where(eq(fileChunks.ownerId, user.id));
      expect(chunks?.n).toBe(0);
    },
  );
});
