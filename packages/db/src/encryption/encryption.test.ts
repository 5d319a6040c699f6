import { createHash } from "node:crypto";

import { describe, expect, it } from "vitest";

import {
  DecryptionError,
  decryptField,
  encryptField,
  isEncryptedValue,
  keyIdOf,
  KeyRingError,
  lexemeToken,
  parseKeyRing,
  tokenQuery,
  tokenVector,
} from "./index";

// Test-only keys, derived from public labels.
const key = (label: string) => createHash("sha256").update(label).digest("base64");
const k1 = `k1:${key("test key one")}`;
const k2 = `k2:${key("test key two")}`;
const ringK1 = parseKeyRing(k1);
const ringK2 = parseKeyRing(`${k2},${k1}`);
const ringK2Only = parseKeyRing(k2);

/** The value with one bit of its GCM tag (the sealed part's last byte) flipped. */
function tamperTag(value: string) {
  const parts = value.split(":");
  const sealed = Buffer.from(parts[3]!, "base64url");
  sealed.writeUInt8(sealed.readUInt8(sealed.length - 1) ^ 1, sealed.length - 1);
  return [...parts.slice(0, 3), sealed.toString("base64url")].join(":");
}

describe("encrypted column values", () => {
  it.each(["", "quokkazanzibar notes", "é 🎉 \n\t«»", "x".repeat(100_000)])(
    "round-trips %#",
    (plain) => {
      const stored = encryptField(plain, "contacts.notes", ringK1);
      expect(isEncryptedValue(stored)).toBe(true);
      expect(keyIdOf(stored)).toBe("k1");
      if (plain.length > 3) expect(stored).not.toContain(plain);
      expect(decryptField(stored, "contacts.notes", ringK1)).toBe(plain);
    },
  );

  it("uses a fresh IV each time: the same text never gives the same value", () => {
    const a = encryptField("same", "contacts.notes", ringK1);
    const b = encryptField("same", "contacts.notes", ringK1);
    expect(a).not.toBe(b);
  });

  it("encrypts under the first key and still decrypts with an older one", () => {
    const old = encryptField("from before", "questions.answer", ringK1);
    expect(decryptField(old, "questions.answer", ringK2)).toBe("from before");
    const fresh = encryptField("now", "questions.answer", ringK2);
    expect(keyIdOf(fresh)).toBe("k2");
  });

  it.each<[string, () => string, RegExp]>([
    [
      "a key that is not in the ring",
      () => decryptField(encryptField("x", "contacts.notes", ringK1), "contacts.notes", ringK2Only),
      /key "k1", which is not in ENCRYPTION_KEYS/,
    ],
    [
      "a tampered tag",
      () =>
        decryptField(
          tamperTag(encryptField("x", "contacts.notes", ringK1)),
          "contacts.notes",
          ringK1,
        ),
      /failed its integrity check/,
    ],
    [
      "a value moved to another column",
      () =>
        decryptField(encryptField("x", "contacts.notes", ringK1), "contacts.transcript", ringK1),
      /contacts\.transcript failed its integrity check/,
    ],
    [
      "a value with its key id changed",
      () =>
        decryptField(
          encryptField("x", "contacts.notes", ringK2).replace("cw1:k2:", "cw1:k1:"),
          "contacts.notes",
          ringK2,
        ),
      /failed its integrity check/,
    ],
    [
      "a value not in the format",
      () => decryptField("cw1:k1:abc", "contacts.notes", ringK1),
      /not in the cw1 format/,
    ],
    [
      "a truncated value",
      () => decryptField("cw1:k1:AAAA:AAAA", "contacts.notes", ringK1),
      /truncated/,
    ],
  ])("refuses %s with a clear error", (_, attempt, message) => {
    expect(attempt).toThrow(DecryptionError);
    expect(attempt).toThrow(message);
  });

  it("reads a value stored before encryption as it is", () => {
    expect(decryptField("plain old note", "contacts.notes", ringK1)).toBe("plain old note");
    expect(keyIdOf("plain old note")).toBeNull();
  });
});

describe("ENCRYPTION_KEYS", () => {
  it("puts the first key in front and keeps the others for decrypting", () => {
    expect(ringK2.current.id).toBe("k2");
    expect([...ringK2.byId.keys()]).toEqual(["k2", "k1"]);
  });

  it.each<[string, string, RegExp]>([
    ["nothing", " , ", /is empty/],
    ["a key without id", key("a"), /needs an id/],
    ["a bad id", `k 1:${key("a")}`, /needs an id/],
    ["a short key", `k1:${Buffer.alloc(16).toString("base64")}`, /must be 32 bytes in base64/],
    ["a key that is not base64", `k1:${"!".repeat(44)}`, /must be 32 bytes in base64/],
    ["the same id twice", `${k1},k1:${key("other")}`, /lists key "k1" twice/],
  ])("refuses %s", (_, text, message) => {
    expect(() => parseKeyRing(text)).toThrow(KeyRingError);
    expect(() => parseKeyRing(text)).toThrow(message);
  });

  it("never repeats a key in its messages", () => {
    const secret = Buffer.alloc(20, 7).toString("base64");
    expect(() => parseKeyRing(`k1:${secret}`)).toThrow(
      expect.not.stringContaining(secret) as never,
    );
  });
});

describe("search tokens", () => {
  it("are keyed: the same lexeme gives another token under another key", () => {
    const a = lexemeToken("refund", ringK1.current);
    expect(a).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(lexemeToken("refund", ringK1.current)).toBe(a);
    expect(lexemeToken("refund", ringK2.current)).not.toBe(a);
  });

  it("make a vector of distinct tokens without the words", () => {
    const vector = tokenVector(["refund", "voucher", "refund"], ringK1);
    expect(vector.split(" ")).toHaveLength(2);
    expect(vector).not.toMatch(/refund|voucher/);
  });

  it.each<[string, (t: (l: string) => string) => string]>([
    ["'credit' & 'bureau' & !'fee'", (t) => `'${t("credit")}' & '${t("bureau")}' & !'${t("fee")}'`],
    ["'credit' <-> 'bureau'", (t) => `'${t("credit")}' & '${t("bureau")}'`],
    ["'a' <2> 'b' | 'c'", (t) => `'${t("a")}' & '${t("b")}' | '${t("c")}'`],
    ["'o''neil'", (t) => `'${t("o'neil")}'`],
    ["", () => ""],
  ])("rewrite the query %s lexeme by lexeme", (query, expected) => {
    const token = (lexeme: string) => lexemeToken(lexeme, ringK1.current);
    expect(tokenQuery(query, ringK1)).toBe(expected(token));
  });

  it("match a lexeme under every key of the ring while a rotation runs", () => {
    const rewritten = tokenQuery("'refund'", ringK2);
    expect(rewritten).toBe(
      `('${lexemeToken("refund", ringK2.current)}' | '${lexemeToken("refund", ringK1.current)}')`,
    );
  });
});
