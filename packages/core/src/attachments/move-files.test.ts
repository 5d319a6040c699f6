import { createHash, randomBytes } from "node:crypto";
import { mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

import type { Database } from "@caseward/db";
import { eq, sql } from "@caseward/db";
import { createDatabase } from "@caseward/db/client";
import { parseKeyRing } from "@caseward/db/encryption";
import { attachments, fileChunks } from "@caseward/db/schema";
import { createTestDatabase } from "@caseward/services/test-database";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { createTestContact } from "../testing";
import { getAttachmentForDownload } from "./attachment-service";
import { newStorageKey, writeAttachmentFile } from "./disk-files";
import { moveFilesIntoDatabase } from "./move-files";

// A database of its own: the move looks at every attachment of the install, and other test
// files keep rows of their own (with storage keys of their own) in the run's shared one.
let db: Database;
let close = async () => {};
let uploadDir = "";
beforeAll(async () => {
  const server = new URL(inject("databaseUrl"));
  server.pathname = "/postgres";
  const database = await createTestDatabase(server.toString(), "caseward_move");
  const connection = createDatabase(database.url, { max: 2 });
  db = connection.db;
  uploadDir = await mkdtemp(join(tmpdir(), "caseward-move-"));
  close = async () => {
    await connection.close();
    await database.drop();
  };
});
afterAll(async () => {
  await close();
  await rm(uploadDir, { recursive: true, force: true });
});

/** A user with a contact and `count` files stored as the app stored them before 0009. */
async function installFromBefore(count: number, bytes = 1_500_000) {
  const { user, contact } = await createTestContact(db, "Before");
  const files = [];
  for (let i = 0; i < count; i++) {
    const content = Buffer.from(randomBytes(bytes / 2).toString("hex"));
    const storageKey = newStorageKey();
    await writeAttachmentFile({ uploadDir, ownerId: user.id, storageKey }, content);
    const [row] = await db
      .insert(attachments)
      .values({
        ownerId: user.id,
        contactId: contact.id,
        kind: "transcript",
        fileName: `call ${i}.txt`,
        mimeType: "text/plain; charset=utf-8",
        sizeBytes: content.byteLength,
        sha256: createHash("sha256").update(content).digest("hex"),
        storageKey,
      })
      .returning();
    files.push({ row: row!, content });
  }
  return { user, files };
}

const onDisk = async (ownerId: string) => readdir(join(uploadDir, ownerId)).catch(() => null);
const download = async (userId: string, id: string) =>
  Buffer.from(
    await new Response((await getAttachmentForDownload(db, userId, id)).stream).arrayBuffer(),
  );

describe("pnpm files:migrate", () => {
  it("moves every file into the database, resumes after a stop and then has nothing to do", async () => {
    const { user, files } = await installFromBefore(3);
    // The file is not served from disk any more: it waits for the move.
    await expect(getAttachmentForDownload(db, user.id, files[0]!.row.id)).rejects.toThrow(
      /files:migrate/,
    );

    // A run stopped after its first file (Ctrl-C, a crash).
    let seen = 0;
    const stop = new Error("stopped");
    await expect(
      moveFilesIntoDatabase(db, {
        uploadDir,
        batchSize: 2,
        onProgress: ({ done }) => {
          if (done > 0 && ++seen === 1) throw stop;
        },
      }),
    ).rejects.toBe(stop);
    const [movedFirst] = await db
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(attachments)
      .where(sql`${attachments.ownerId} = ${user.id} and ${attachments.storageKey} is null`);
    expect(movedFirst?.n).toBe(1);

    const progress: string[] = [];
    const report = await moveFilesIntoDatabase(db, {
      uploadDir,
      onProgress: ({ done, total }) => progress.push(`${done}/${total}`),
    });
    expect(report).toMatchObject({ moved: 2, missing: [], damaged: [], leftoversRemoved: 0 });
    expect(progress.at(-1)).toBe("2/2");
    for (const { row, content } of files) {
      expect((await download(user.id, row.id)).equals(content)).toBe(true);
      const chunks = await db.select().from(fileChunks).where(eq(fileChunks.attachmentId, row.id));
      expect(chunks).toHaveLength(2);
    }
    expect(await onDisk(user.id)).toBeNull(); // the folder went with its last file

    const again = await moveFilesIntoDatabase(db, { uploadDir });
    expect(again).toEqual({
      moved: 0,
      missing: [],
      damaged: [],
      leftoversRemoved: 0,
      unknownFolders: 0,
    });
  });

  it("reports missing and damaged files, removes leftovers, and leaves other folders alone", async () => {
    const { user, files } = await installFromBefore(4, 2_000);
    const [missing, damaged, fine, foreign] = files;
    // Written under a key that is not in the ring any more.
    const otherRing = parseKeyRing(`gone:${randomBytes(32).toString("base64")}`);
    await writeAttachmentFile(
      { uploadDir, ownerId: user.id, storageKey: foreign!.row.storageKey! },
      foreign!.content,
      otherRing,
    );
    await rm(join(uploadDir, user.id, missing!.row.storageKey!));
    await writeAttachmentFile(
      { uploadDir, ownerId: user.id, storageKey: damaged!.row.storageKey! },
      Buffer.from("not what the row says"),
    );
    const leftover = newStorageKey();
    await writeAttachmentFile(
      { uploadDir, ownerId: user.id, storageKey: leftover },
      Buffer.from("x"),
    );
    await writeFile(join(uploadDir, user.id, `${newStorageKey()}.0123456789ab.tmp`), "half");
    await mkdir(join(uploadDir, "someone-elses-install"));
    await writeFile(join(uploadDir, "someone-elses-install", newStorageKey()), "theirs");

    const report = await moveFilesIntoDatabase(db, { uploadDir });
    expect(report).toEqual({
      moved: 1,
      missing: [missing!.row.id],
      damaged: [damaged!.row.id, foreign!.row.id].sort(),
      leftoversRemoved: 2,
      unknownFolders: 1,
    });
    expect((await download(user.id, fine!.row.id)).equals(fine!.content)).toBe(true);
    expect((await onDisk(user.id))?.sort()).toEqual(
      [damaged!.row.storageKey, foreign!.row.storageKey].sort(),
    );
    expect(await onDisk("someone-elses-install")).toHaveLength(1);
    await expect(getAttachmentForDownload(db, user.id, missing!.row.id)).rejects.toThrow(
      /files:migrate/,
    );
  });
});
