import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { eq } from "@caseward/db";
import { attachments } from "@caseward/db/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { openCase } from "../cases/case-service";
import { createCompany } from "../companies/company-service";
import { logContact } from "../contacts/contact-service";
import { DomainError } from "../errors";
import { createTestUser, useTestDatabase } from "../testing";
import {
  addAttachment,
  deleteAttachment,
  getAttachmentForDownload,
  listAttachments,
} from "./attachment-service";
import { maxAttachmentBytes } from "./schemas";

const db = useTestDatabase();
let uploadDir = "";
beforeAll(async () => {
  uploadDir = await mkdtemp(join(tmpdir(), "caseward-attachments-"));
});
afterAll(() => rm(uploadDir, { recursive: true, force: true }));

const transcript = new TextEncoder().encode("Agent: Your reference is TCK-99812.\nMe: Thanks.\n");
const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

async function userWithContact(name = "Maya") {
  const user = await createTestUser(db, name);
  const company = await createCompany(db, user.id, { name: "Rogers", website: "rogers.com" });
  const opened = await openCase(db, user.id, { companyId: company.id, title: "Outage" });
  const contact = await logContact(db, user.id, {
    caseId: opened.id,
    channelKind: "chat",
    startedAt: new Date("2026-11-20T15:04:00Z"),
  });
  return { user, contact };
}

const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (e: unknown) => (e instanceof DomainError ? e.code : e),
  );

const readAll = async (stream: ReadableStream<Uint8Array>) =>
  new Uint8Array(await new Response(stream).arrayBuffer());

/** Every file under the upload directory of one user (empty when none was ever written). */
const filesOf = (userId: string) => readdir(join(uploadDir, userId)).catch(() => []);

describe("attachments", () => {
  it("keeps a transcript file with a contact and gives the same bytes back", async () => {
    const { user, contact } = await userWithContact();
    const added = await addAttachment(
      db,
      user.id,
      {
        contactId: contact.id,
        fileName: "C:\\Downloads\\chat\u0007 with Priya.txt",
        bytes: transcript,
      },
      { uploadDir },
    );
    expect(added).toMatchObject({
      contactId: contact.id,
      kind: "transcript",
      fileName: "chat with Priya.txt",
      mimeType: "text/plain; charset=utf-8",
      sizeBytes: transcript.byteLength,
    });
    expect(added.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(added).not.toHaveProperty("storageKey");

    const [row] = await db.select().from(attachments).where(eq(attachments.id, added.id));
    expect(row?.storageKey).toMatch(/^[0-9a-f]{32}$/);
    expect(await filesOf(user.id)).toEqual([row?.storageKey]);

    expect(await listAttachments(db, user.id, contact.id)).toEqual([added]);
    const download = await getAttachmentForDownload(db, user.id, added.id, { uploadDir });
    expect(download.attachment).toEqual(added);
    expect(await readAll(download.stream)).toEqual(transcript);

    const part = await getAttachmentForDownload(db, user.id, added.id, {
      uploadDir,
      range: { start: 7, end: 9_999 },
    });
    expect(part.range).toEqual({ start: 7, end: transcript.byteLength - 1 });
    expect(new TextDecoder().decode(await readAll(part.stream))).toMatch(/^Your reference/);
  });

  it("refuses a PNG renamed .txt and stores nothing", async () => {
    const { user, contact } = await userWithContact();
    const error = await addAttachment(
      db,
      user.id,
      { contactId: contact.id, fileName: "transcript.txt", bytes: png },
      { uploadDir },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({
      code: "BAD_REQUEST",
      fieldErrors: { file: [expect.any(String)] },
    });
    expect((error as Error).message).toMatch(/\.txt.*\.eml.*PDF, MP3, M4A or WAV/);
    expect(await listAttachments(db, user.id, contact.id)).toEqual([]);
    expect(await filesOf(user.id)).toEqual([]);
  });

  it("refuses empty files and files over 25 MB", async () => {
    const { user, contact } = await userWithContact();
    const add = (bytes: Uint8Array) =>
      addAttachment(
        db,
        user.id,
        { contactId: contact.id, fileName: "a.txt", bytes },
        { uploadDir },
      );
    await expect(add(new Uint8Array())).rejects.toThrow("This file is empty.");
    await expect(add(new Uint8Array(maxAttachmentBytes + 1).fill(0x61))).rejects.toThrow(
      "This file is larger than 25 MB.",
    );
    const atLimit = await add(new Uint8Array(maxAttachmentBytes).fill(0x61));
    expect(atLimit.sizeBytes).toBe(maxAttachmentBytes);
    expect(await filesOf(user.id)).toHaveLength(1);
  });

  it("never lets one user attach to, read or delete another user's files", async () => {
    const alice = await userWithContact("Alice");
    const mallory = await createTestUser(db, "Mallory");
    const input = { contactId: alice.contact.id, fileName: "x.txt", bytes: transcript };

    expect(await codeOf(addAttachment(db, mallory.id, input, { uploadDir }))).toBe("NOT_FOUND");
    expect(await filesOf(mallory.id)).toEqual([]);
    expect(await listAttachments(db, alice.user.id, alice.contact.id)).toEqual([]);
    expect(await codeOf(listAttachments(db, mallory.id, alice.contact.id))).toBe("NOT_FOUND");

    const added = await addAttachment(db, alice.user.id, input, { uploadDir });
    expect(await codeOf(getAttachmentForDownload(db, mallory.id, added.id, { uploadDir }))).toBe(
      "NOT_FOUND",
    );
    expect(await codeOf(deleteAttachment(db, mallory.id, added.id, { uploadDir }))).toBe(
      "NOT_FOUND",
    );
    expect(await listAttachments(db, alice.user.id, alice.contact.id)).toEqual([added]);
  });

  it("answers NOT_FOUND for an unknown contact or attachment and refuses malformed ids", async () => {
    const { user } = await userWithContact();
    const unknown = "6f1d3c2a-9b8e-4f7a-8c6d-5e4f3a2b1c0d";
    const input = { contactId: unknown, fileName: "x.txt", bytes: transcript };
    expect(await codeOf(addAttachment(db, user.id, input, { uploadDir }))).toBe("NOT_FOUND");
    expect(await codeOf(getAttachmentForDownload(db, user.id, unknown, { uploadDir }))).toBe(
      "NOT_FOUND",
    );
    await expect(
      getAttachmentForDownload(db, user.id, "../../etc/passwd", { uploadDir }),
    ).rejects.toThrow("Unknown attachment.");
    expect(await filesOf(user.id)).toEqual([]);
  });

  it("deletes the file together with its row", async () => {
    const { user, contact } = await userWithContact();
    const added = await addAttachment(
      db,
      user.id,
      { contactId: contact.id, fileName: "chat.txt", bytes: transcript },
      { uploadDir },
    );
    expect(await filesOf(user.id)).toHaveLength(1);
    await deleteAttachment(db, user.id, added.id, { uploadDir });
    expect(await filesOf(user.id)).toEqual([]);
    expect(await listAttachments(db, user.id, contact.id)).toEqual([]);
    expect(await codeOf(getAttachmentForDownload(db, user.id, added.id, { uploadDir }))).toBe(
      "NOT_FOUND",
    );
  });
});
