import { createHash, hkdfSync, randomBytes } from "node:crypto";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { parseKeyRing, useKeyRing } from "@caseward/db/encryption";
import { afterAll, describe, expect, it } from "vitest";

import { fileKeyHkdf } from "./chunk-cipher";
import { chunkBytes, decryptFile, encryptFile, parseFileHeader } from "./file-cipher";
import {
  attachmentFileExists,
  deleteAttachmentFile,
  readAttachmentFile,
  readWholeAttachmentFile,
  writeAttachmentFile,
} from "./disk-files";

// Test-only keys, derived from public labels.
const key = (label: string) => createHash("sha256").update(label).digest("base64");
const ringK1 = parseKeyRing(`k1:${key("file key one")}`);
const ringK2 = parseKeyRing(`k2:${key("file key two")},k1:${key("file key one")}`);

const sizes = [0, 1, chunkBytes - 1, chunkBytes, chunkBytes + 1, 3 * chunkBytes + 17];

describe("file encryption", () => {
  it.each(sizes)("round-trips %i bytes, with none of them in the clear", (size) => {
    const content = randomBytes(size);
    const stored = encryptFile(content, ringK1);
    expect(parseFileHeader(stored)?.keyId).toBe("k1");
    if (size >= 16) expect(stored.includes(content.subarray(0, 16))).toBe(false);
    expect(decryptFile(stored, ringK1).equals(content)).toBe(true);
    expect(decryptFile(stored, ringK2).equals(content)).toBe(true);
  });

  it.each<[string, (stored: Buffer) => Buffer, RegExp]>([
    [
      "a flipped byte",
      (s) => Buffer.concat([s.subarray(0, 60), Buffer.from([s[60]! ^ 1]), s.subarray(61)]),
      /integrity/,
    ],
    ["a dropped last chunk", (s) => s.subarray(0, s.length - 100), /integrity/],
    [
      "another key id in the header",
      (s) => Buffer.concat([s.subarray(0, 5), Buffer.from("k9"), s.subarray(7)]),
      /"k9", which is not in ENCRYPTION_KEYS/,
    ],
  ])("refuses %s", (_, damage, message) => {
    const stored = encryptFile(randomBytes(2 * chunkBytes + 5), ringK1);
    expect(() => decryptFile(damage(stored), ringK1)).toThrow(message);
  });

  it("refuses a file of a key that left the ring", () => {
    const stored = encryptFile(Buffer.from("x"), ringK1);
    expect(() => decryptFile(stored, parseKeyRing(`k2:${key("file key two")}`))).toThrow(/"k1"/);
  });
});

describe("files on disk (before they moved into the database)", () => {
  const dirs: string[] = [];
  afterAll(async () => {
    useKeyRing(undefined);
    await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
  });
  const location = async () => {
    const uploadDir = await mkdtemp(join(tmpdir(), "caseward-files-"));
    dirs.push(uploadDir);
    return { uploadDir, ownerId: "owner1", storageKey: randomBytes(16).toString("hex") };
  };
  const read = async (stream: ReadableStream<Uint8Array> | null) =>
    Buffer.from(await new Response(stream).arrayBuffer());

  it.each<[number, number]>([
    [0, 9],
    [chunkBytes - 3, chunkBytes + 3],
    [chunkBytes * 2, chunkBytes * 3 + 16],
    [5, 3 * chunkBytes + 16],
  ])("serves the range %i–%i decrypting only what it spans", async (start, end) => {
    useKeyRing(ringK1);
    const content = randomBytes(3 * chunkBytes + 17);
    const at = await location();
    await writeAttachmentFile(at, content);
    const onDisk = await readFile(join(at.uploadDir, at.ownerId, at.storageKey));
    expect(onDisk.includes(content.subarray(0, 32))).toBe(false);
    expect(await read(await readAttachmentFile(at, { start, end }))).toEqual(
      content.subarray(start, end + 1),
    );
    expect((await read(await readAttachmentFile(at))).equals(content)).toBe(true);
  });

  it("reads a file stored before encryption as it is", async () => {
    useKeyRing(ringK1);
    const at = await location();
    await writeAttachmentFile(at, Buffer.from("placeholder"));
    await writeFile(join(at.uploadDir, at.ownerId, at.storageKey), "%PDF-1.4 legacy");
    expect((await read(await readAttachmentFile(at, { start: 5, end: 7 }))).toString()).toBe("1.4");
    expect((await readWholeAttachmentFile(at))?.toString()).toBe("%PDF-1.4 legacy");
  });

  it("reads a whole file under an older key of the ring, and removes it with its folder", async () => {
    useKeyRing(ringK1);
    const content = randomBytes(chunkBytes + 9);
    const at = await location();
    await writeAttachmentFile(at, content);
    expect((await readWholeAttachmentFile(at, ringK2))?.equals(content)).toBe(true);
    await deleteAttachmentFile(at);
    expect(await attachmentFileExists(at)).toBe(false);
    await expect(readFile(join(at.uploadDir, at.ownerId))).rejects.toThrow(/ENOENT/);
    expect(await readWholeAttachmentFile(at)).toBeNull();
  });
});

describe("a stored file's key", () => {
  it("is the HKDF-SHA256 that hkdfSync derives, so chunks sealed before still open", () => {
    for (const [secret, salt] of [
      [createHash("sha256").update("secret one").digest(), Buffer.alloc(16, 7)],
      [createHash("sha256").update("secret two").digest(), createHash("md5").update("id").digest()],
    ] as const) {
      const expected = Buffer.from(hkdfSync("sha256", secret, salt, "caseward file chunks v1", 32));
      expect(fileKeyHkdf(secret, salt).toString("hex")).toBe(expected.toString("hex"));
    }
  });
});
