import { createHash } from "node:crypto";

import { getTableColumns } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import * as cipher from "./encryption/field-cipher";
import { encryptField, parseKeyRing, useKeyRing } from "./encryption/index";
import { readJsonRow, rememberingJsonRows } from "./json-rows";
import { contacts } from "./schema";

// A test-only key, derived from a public label.
const ring = parseKeyRing(
  `k1:${createHash("sha256").update("json rows test key").digest("base64")}`,
);
beforeAll(() => useKeyRing(ring));
afterAll(() => useKeyRing(undefined));

const { notes, transcript, startedAt, referenceNumber } = getTableColumns(contacts);
const fields = { notes, transcript, startedAt, referenceNumber };

describe("a JSON row read with remembered plain texts", () => {
  it("reads what readJsonRow reads, and decrypts a value once", () => {
    const value = {
      notes: encryptField("Asked for a refund of 200 $.", "contacts.notes"),
      transcript: encryptField("Agent: hello", "contacts.transcript"),
      startedAt: "2026-11-20T10:00:00.123+00:00",
      referenceNumber: null,
    };
    const read = rememberingJsonRows();
    const decrypt = vi.spyOn(cipher, "decryptField");
    try {
      const first = read(fields, value);
      expect(first).toEqual(readJsonRow(fields, value));
      expect(first).toEqual({
        notes: "Asked for a refund of 200 $.",
        transcript: "Agent: hello",
        startedAt: new Date("2026-11-20T10:00:00.123Z"),
        referenceNumber: null,
      });
      const calls = decrypt.mock.calls.length;
      const again = read(fields, value);
      expect(again).toEqual(first);
      // The Date is a new one each time (nothing shared between answers).
      expect(again.startedAt).not.toBe(first.startedAt);
      expect(decrypt.mock.calls.length).toBe(calls);
    } finally {
      decrypt.mockRestore();
    }
  });

  it("still refuses a value sealed for another column, even once read in its own", () => {
    const read = rememberingJsonRows();
    const sealed = encryptField("private notes", "contacts.notes");
    expect(read({ notes }, { notes: sealed })).toEqual({ notes: "private notes" });
    expect(() => read({ transcript }, { transcript: sealed })).toThrow(cipher.DecryptionError);
  });

  it("forgets the oldest values past its bounds", () => {
    const read = rememberingJsonRows({ entries: 2 });
    const sealed = ["one", "two", "three"].map((text) => encryptField(text, "contacts.notes"));
    for (const s of sealed) read({ notes }, { notes: s });
    const decrypt = vi.spyOn(cipher, "decryptField");
    try {
      expect(read({ notes }, { notes: sealed[2]! })).toEqual({ notes: "three" });
      expect(decrypt).not.toHaveBeenCalled();
      expect(read({ notes }, { notes: sealed[0]! })).toEqual({ notes: "one" });
      expect(decrypt).toHaveBeenCalledTimes(1);
    } finally {
      decrypt.mockRestore();
    }
  });
});
