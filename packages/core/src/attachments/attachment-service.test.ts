import { createHash, randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";

import { and, asc, eq, sql } from "@caseward/db";
import { DecryptionError } from "@caseward/db/encryption";
import { attachments, contacts, fileChunks } from "@caseward/db/schema";
import sharp from "sharp";
import { describe, expect, it } from "vitest";

import { DomainError, domainErrorIn } from "../errors";
import { createTestContact, createTestUser, useTestDatabase } from "../testing";
import {
  addAttachment,
  deleteAttachment,
  getAttachmentForDownload,
  getAttachmentThumbnail,
  listAttachments,
} from "./attachment-service";
import { chunkBytes } from "./chunk-cipher";
import { contentMatches } from "./content-hash";
import { maxAttachmentBytes } from "./schemas";

const db = useTestDatabase();

const transcript = new TextEncoder().encode("Agent: Your reference is TCK-99812.\nMe: Thanks.\n");
const heic = await readFile(new URL("./test-files/red-64x48.heic", import.meta.url));

/** A real image of `width`×`height` in `format`, e.g. a screenshot of a chat. */
const image = (format: "png" | "jpeg" | "webp", width = 1200, height = 800) =>
  sharp({ create: { width, height, channels: 3, background: { r: 30, g: 90, b: 160 } } })
    .toFormat(format)
    .toBuffer();

const userWithContact = (name = "Maya") => createTestContact(db, name);

const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (e: unknown) => (e instanceof DomainError ? e.code : e),
  );

const readAll = async (stream: ReadableStream<Uint8Array>) =>
  Buffer.from(await new Response(stream).arrayBuffer());

/** Every stored chunk of one attachment, in order. */
const chunksOf = (attachmentId: string) =>
  db
    .select()
    .from(fileChunks)
    .where(eq(fileChunks.attachmentId, attachmentId))
    .orderBy(asc(fileChunks.part), asc(fileChunks.index));

const chunkRowsOf = async (userId: string) =>
  (
    await db
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(fileChunks)
      .where(eq(fileChunks.ownerId, userId))
  )[0]!.n;

describe("attachments", () => {
  it("keeps a transcript in the database, encrypted, and gives the same bytes back", async () => {
    const { user, contact } = await userWithContact();
    const added = await addAttachment(db, user.id, {
      contactId: contact.id,
      fileName: "C:\\Downloads\\chat\u0007 with Priya.txt",
      bytes: transcript,
    });
    expect(added).toMatchObject({
      contactId: contact.id,
      kind: "transcript",
      fileName: "chat with Priya.txt",
      mimeType: "text/plain; charset=utf-8",
      sizeBytes: transcript.byteLength,
      thumbnailBytes: null,
    });
    // A keyed hash of the content, not its SHA-256 (which anyone could compute from a known file).
    expect(added.sha256).toMatch(/^[\w-]+\.[\w-]{43}$/);
    expect(added.sha256).not.toContain(createHash("sha256").update(transcript).digest("hex"));
    expect(contentMatches(transcript, added.sha256)).toBe(true);
    expect(contentMatches(new TextEncoder().encode("other"), added.sha256)).toBe(false);
    expect(added).not.toHaveProperty("storageKey");

    const [row] = await db.select().from(attachments).where(eq(attachments.id, added.id));
    expect(row?.storageKey).toBeNull();
    const chunks = await chunksOf(added.id);
    expect(chunks.map((c) => [c.part, c.index, c.ownerId])).toEqual([["content", 0, user.id]]);
    expect(chunks[0]!.sealed.includes(Buffer.from("TCK-99812"))).toBe(false);

    expect(await listAttachments(db, user.id, contact.id)).toEqual([added]);
    const download = await getAttachmentForDownload(db, user.id, added.id);
    expect(download.attachment).toEqual(added);
    expect(await readAll(download.stream)).toEqual(Buffer.from(transcript));

    const part = await getAttachmentForDownload(db, user.id, added.id, {
      range: { start: 7, end: 9_999 },
    });
    expect(part.range).toEqual({ start: 7, end: transcript.byteLength - 1 });
    expect((await readAll(part.stream)).toString()).toMatch(/^Your reference/);
  });

  it("stores 25 MB in chunks of 1 MB and serves any range by reading only its chunks", async () => {
    const { user, contact } = await userWithContact();
    const content = Buffer.alloc(maxAttachmentBytes, 0x61);
    // Something to tell apart across a chunk boundary.
    Buffer.from(randomBytes(2048).toString("hex")).copy(content, chunkBytes - 2048);
    const added = await addAttachment(db, user.id, {
      contactId: contact.id,
      fileName: "long chat.txt",
      bytes: new Uint8Array(content.buffer, content.byteOffset, content.byteLength),
    });
    expect(added.sizeBytes).toBe(maxAttachmentBytes);
    expect((await chunksOf(added.id)).map((c) => c.index)).toEqual([...Array(25).keys()]);
    for (const [start, end] of [
      [0, 0],
      [chunkBytes - 2048, chunkBytes + 2047],
      [maxAttachmentBytes - 10, maxAttachmentBytes + 500],
      [3 * chunkBytes, 5 * chunkBytes - 1],
    ] as const) {
      const part = await getAttachmentForDownload(db, user.id, added.id, { range: { start, end } });
      const served = await readAll(part.stream);
      expect(served.length).toBe(Math.min(end, maxAttachmentBytes - 1) - start + 1);
      // Buffer equality: vitest's toEqual walks megabytes element by element.
      expect(served.equals(content.subarray(start, end + 1))).toBe(true);
    }
    const whole = await getAttachmentForDownload(db, user.id, added.id);
    expect((await readAll(whole.stream)).equals(content)).toBe(true);
  });

  it.each([
    ["PNG", "chat screenshot.png", () => image("png"), "image/png"],
    ["JPEG", "letter.JPG", () => image("jpeg"), "image/jpeg"],
    ["WebP", "photo.webp", () => image("webp"), "image/webp"],
    ["HEIC", "IMG_4021.HEIC", () => Promise.resolve(heic), "image/heic"],
  ] as const)(
    "keeps a %s image with a thumbnail for its owner only",
    async (_, name, make, type) => {
      const { user, contact } = await userWithContact();
      const mallory = await createTestUser(db, "Mallory");
      const bytes = await make();
      const added = await addAttachment(db, user.id, {
        contactId: contact.id,
        fileName: name,
        bytes: new Uint8Array(bytes),
      });
      expect(added).toMatchObject({ kind: "image", mimeType: type, fileName: name });
      expect(added.thumbnailBytes).toBeGreaterThan(0);

      const thumbnail = await getAttachmentThumbnail(db, user.id, added.id);
      expect(thumbnail.mimeType).toBe("image/webp");
      expect(thumbnail.bytes.byteLength).toBe(added.thumbnailBytes);
      const meta = await sharp(thumbnail.bytes).metadata();
      expect(meta.format).toBe("webp");
      expect(Math.max(meta.width, meta.height)).toBe(type === "image/heic" ? 64 : 320);
      expect(await codeOf(getAttachmentThumbnail(db, mallory.id, added.id))).toBe("NOT_FOUND");

      const download = await getAttachmentForDownload(db, user.id, added.id);
      expect((await readAll(download.stream)).equals(bytes)).toBe(true);
    },
  );

  it("has no thumbnail for a file that is not an image", async () => {
    const { user, contact } = await userWithContact();
    const added = await addAttachment(db, user.id, {
      contactId: contact.id,
      fileName: "chat.txt",
      bytes: transcript,
    });
    expect(await codeOf(getAttachmentThumbnail(db, user.id, added.id))).toBe("NOT_FOUND");
  });

  it.each([
    [
      "a text file named .exe",
      "evil.exe",
      () => transcript,
      /ends in \.exe, but it holds plain text\. Rename it to end in \.txt/,
    ],
    [
      "a PNG named .txt",
      "transcript.txt",
      () => image("png"),
      /ends in \.txt, but it holds a PNG image\. Rename it to end in \.png/,
    ],
    [
      "a JPEG named .pdf",
      "statement.pdf",
      () => image("jpeg"),
      /ends in \.pdf, but it holds a JPEG image/,
    ],
    [
      "a PDF named .jpg",
      "photo.jpg",
      () => new TextEncoder().encode("%PDF-1.4\n"),
      /ends in \.jpg, but it holds a PDF document/,
    ],
  ] as const)("refuses %s and stores nothing", async (_, fileName, make, message) => {
    const { user, contact } = await userWithContact();
    const error = await addAttachment(db, user.id, {
      contactId: contact.id,
      fileName,
      bytes: new Uint8Array(await make()),
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({
      code: "BAD_REQUEST",
      fieldErrors: { file: [expect.any(String)] },
    });
    expect((error as Error).message).toMatch(message);
    expect(await listAttachments(db, user.id, contact.id)).toEqual([]);
    expect(await chunkRowsOf(user.id)).toBe(0);
  });

  it("accepts a name without an extension, and an email saved as .txt", async () => {
    const { user, contact } = await userWithContact();
    const email = new TextEncoder().encode(
      "From: support@rogers.com\r\nTo: maya@example.test\r\nSubject: Your ticket\r\n\r\nHello",
    );
    const plain = await addAttachment(db, user.id, {
      contactId: contact.id,
      fileName: "chat",
      bytes: transcript,
    });
    expect(plain.kind).toBe("transcript");
    const saved = await addAttachment(db, user.id, {
      contactId: contact.id,
      fileName: "reply.txt",
      bytes: email,
    });
    expect(saved.kind).toBe("email");
  });

  it("refuses an image that cannot be decoded, and a disguised one, storing nothing", async () => {
    const { user, contact } = await userWithContact();
    const truncated = (await image("png")).subarray(0, 60);
    const add = (fileName: string, bytes: Uint8Array) =>
      addAttachment(db, user.id, { contactId: contact.id, fileName, bytes });
    await expect(add("screenshot.png", truncated)).rejects.toThrow(/could not be opened/);
    const fakeHeic = Buffer.concat([heic.subarray(0, 40), Buffer.alloc(200)]);
    await expect(add("IMG_1.heic", fakeHeic)).rejects.toThrow(/could not be opened/);
    expect(await listAttachments(db, user.id, contact.id)).toEqual([]);
    expect(await chunkRowsOf(user.id)).toBe(0);
  });

  it("refuses empty files and files over 25 MB", async () => {
    const { user, contact } = await userWithContact();
    const add = (bytes: Uint8Array) =>
      addAttachment(db, user.id, { contactId: contact.id, fileName: "a.txt", bytes });
    await expect(add(new Uint8Array())).rejects.toThrow("This file is empty.");
    await expect(add(new Uint8Array(maxAttachmentBytes + 1).fill(0x61))).rejects.toThrow(
      "This file is larger than 25 MB.",
    );
    expect(await chunkRowsOf(user.id)).toBe(0);
  });

  it("keeps each user within their quota and says how much room is used", async () => {
    const { user, contact } = await userWithContact();
    const other = await userWithContact("Other");
    const add = (who: typeof user, contactId: string, bytes: number, quotaBytes: number) =>
      addAttachment(
        db,
        who.id,
        { contactId, fileName: "chat.txt", bytes: new Uint8Array(bytes).fill(0x61) },
        { quotaBytes },
      );
    const quota = 3 * 1024 * 1024;
    await add(user, contact.id, 2 * 1024 * 1024, quota);
    const refused = await add(user, contact.id, 1024 * 1024 + 1, quota).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: "BAD_REQUEST" });
    expect((refused as Error).message).toBe(
      "There is no room for this file: your files use 2 MB of the 3 MB an account can keep. Remove files you no longer need, then try again.",
    );
    // In French, the sizes in French units too (not "2 MB" inside a French sentence).
    const french = domainErrorIn(refused as DomainError, "fr-CA");
    expect(french.message).toBe(
      "Il n’y a plus de place pour ce fichier : vos fichiers occupent 2\u00a0Mo des 3\u00a0Mo qu’un compte peut conserver. Retirez les fichiers dont vous n’avez plus besoin, puis réessayez.",
    );
    expect(french.fieldErrors).toEqual({ file: [french.message] });
    // Exactly up to the quota fits, and another user's files do not count.
    await add(user, contact.id, 1024 * 1024, quota);
    await add(other.user, other.contact.id, 3 * 1024 * 1024, quota);
    expect(await listAttachments(db, user.id, contact.id)).toHaveLength(2);

    // Two uploads at once cannot both slip under the quota.
    const fresh = await userWithContact("Racer");
    const racing = await Promise.allSettled(
      [1, 2, 3].map(() => add(fresh.user, fresh.contact.id, 1024 * 1024 + 10, quota)),
    );
    expect(racing.filter((r) => r.status === "fulfilled")).toHaveLength(2);
  });

  it("never lets one user attach to, read or delete another user's files", async () => {
    const alice = await userWithContact("Alice");
    const mallory = await createTestUser(db, "Mallory");
    const input = { contactId: alice.contact.id, fileName: "x.txt", bytes: transcript };

    expect(await codeOf(addAttachment(db, mallory.id, input))).toBe("NOT_FOUND");
    expect(await chunkRowsOf(mallory.id)).toBe(0);
    expect(await codeOf(listAttachments(db, mallory.id, alice.contact.id))).toBe("NOT_FOUND");

    const added = await addAttachment(db, alice.user.id, input);
    expect(await codeOf(getAttachmentForDownload(db, mallory.id, added.id))).toBe("NOT_FOUND");
    expect(await codeOf(deleteAttachment(db, mallory.id, added.id))).toBe("NOT_FOUND");
    expect(await listAttachments(db, alice.user.id, alice.contact.id)).toEqual([added]);
    expect(await chunkRowsOf(alice.user.id)).toBe(1);
  });

  it("answers NOT_FOUND for an unknown contact or attachment and refuses malformed ids", async () => {
    const { user } = await userWithContact();
    const unknown = "6f1d3c2a-9b8e-4f7a-8c6d-5e4f3a2b1c0d";
    const input = { contactId: unknown, fileName: "x.txt", bytes: transcript };
    expect(await codeOf(addAttachment(db, user.id, input))).toBe("NOT_FOUND");
    expect(await codeOf(getAttachmentForDownload(db, user.id, unknown))).toBe("NOT_FOUND");
    await expect(getAttachmentForDownload(db, user.id, "../../etc/passwd")).rejects.toThrow(
      "Unknown attachment.",
    );
  });

  it("deletes the file with its row, and with its contact", async () => {
    const { user, contact } = await userWithContact();
    const image1 = new Uint8Array(await image("png"));
    const added = await addAttachment(db, user.id, {
      contactId: contact.id,
      fileName: "a.png",
      bytes: image1,
    });
    expect(await chunkRowsOf(user.id)).toBe(2); // the image and its thumbnail
    await deleteAttachment(db, user.id, added.id);
    expect(await chunkRowsOf(user.id)).toBe(0);
    expect(await codeOf(getAttachmentForDownload(db, user.id, added.id))).toBe("NOT_FOUND");

    await addAttachment(db, user.id, { contactId: contact.id, fileName: "b.png", bytes: image1 });
    await db
      .delete(contacts)
      .where(and(eq(contacts.id, contact.id), eq(contacts.ownerId, user.id)));
    expect(await chunkRowsOf(user.id)).toBe(0);
  });
});

describe("a stored file that was tampered with", () => {
  const content = randomBytes(3 * chunkBytes + 100);
  async function stored() {
    const { user, contact } = await userWithContact();
    const added = await addAttachment(db, user.id, {
      contactId: contact.id,
      fileName: "call.txt",
      bytes: new Uint8Array(Buffer.from(content.toString("base64"))),
    });
    return { user, added };
  }
  const setChunk = (
    attachmentId: string,
    index: number,
    values: { sealed?: Buffer; keyId?: string },
  ) =>
    db
      .update(fileChunks)
      .set(values)
      .where(
        and(
          eq(fileChunks.attachmentId, attachmentId),
          eq(fileChunks.part, "content"),
          eq(fileChunks.index, index),
        ),
      );
  const read = async (
    userId: string,
    attachmentId: string,
    range?: { start: number; end: number },
  ) => readAll((await getAttachmentForDownload(db, userId, attachmentId, { range })).stream);

  it("refuses a chunk with a flipped bit", async () => {
    const { user, added } = await stored();
    const [first] = await chunksOf(added.id);
    const damaged = Buffer.from(first!.sealed);
    damaged[100]! ^= 1;
    await setChunk(added.id, 0, { sealed: damaged });
    await expect(read(user.id, added.id)).rejects.toThrow(DecryptionError);
    await expect(read(user.id, added.id)).rejects.toThrow(/integrity check/);
  });

  it("refuses two chunks swapped, even when only the second is asked for", async () => {
    const { user, added } = await stored();
    const [a, b] = await chunksOf(added.id);
    await setChunk(added.id, 0, { sealed: b!.sealed });
    await setChunk(added.id, 1, { sealed: a!.sealed });
    await expect(read(user.id, added.id)).rejects.toThrow(/integrity check/);
    await expect(
      read(user.id, added.id, { start: chunkBytes, end: chunkBytes + 5 }),
    ).rejects.toThrow(/integrity check/);
  });

  it("refuses a chunk copied from another file at the same place", async () => {
    const first = await stored();
    const second = await stored();
    const [theirs] = await chunksOf(second.added.id);
    await setChunk(first.added.id, 0, { sealed: theirs!.sealed });
    await expect(read(first.user.id, first.added.id)).rejects.toThrow(/integrity check/);
  });

  it("refuses a file whose last chunk is gone or whose row claims another size", async () => {
    const { user, added } = await stored();
    await db
      .update(attachments)
      .set({ sizeBytes: added.sizeBytes - 10 })
      .where(eq(attachments.id, added.id));
    await expect(read(user.id, added.id)).rejects.toThrow(DecryptionError);
    await db
      .update(attachments)
      .set({ sizeBytes: 3 * chunkBytes })
      .where(eq(attachments.id, added.id));
    await expect(read(user.id, added.id)).rejects.toThrow(DecryptionError);
    await db
      .update(attachments)
      .set({ sizeBytes: added.sizeBytes })
      .where(eq(attachments.id, added.id));
    expect((await read(user.id, added.id)).length).toBe(added.sizeBytes);
    await db
      .delete(fileChunks)
      .where(and(eq(fileChunks.attachmentId, added.id), eq(fileChunks.index, 4)));
    await expect(read(user.id, added.id)).rejects.toThrow(/missing a chunk/);
  });

  it("refuses a chunk whose key id was changed", async () => {
    const { user, added } = await stored();
    await setChunk(added.id, 2, { keyId: "k9" });
    await expect(
      read(user.id, added.id, { start: 2 * chunkBytes, end: 2 * chunkBytes }),
    ).rejects.toThrow(/"k9", which is not in ENCRYPTION_KEYS/);
  });
});
