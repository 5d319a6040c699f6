import { createHash } from "node:crypto";

import { getTableColumns } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import * as cipher from "./encryption/field-cipher";
import { encryptField, parseKeyRing, useKeyRing } from "./encryption/index";
import { readJsonRow } from "./json-rows";
import { contacts } from "./schema";

// A test-only key, derived from a public label.
const ring = parseKeyRing(
  `k1:${createHash("sha256").update("json rows test key").digest("base64")}`,
);
beforeAll(() => useKeyRing(ring));
afterAll(() => useKeyRing(undefined));

const { notes, transcript, startedAt, referenceNumber } = getTableColumns(contacts);
const fields = { notes, transcript, startedAt, referenceNumber };

describe("a JSON row read as drizzle reads each column", () => {
  it("decrypts sealed cells, reads dates and keeps nulls", () => {
    const value = {
      notes: encryptField("Asked for a refund of 200 $.", "contacts.notes"),
      transcript: encryptField("Agent: hello", "contacts.transcript"),
      startedAt: "2026-11-20T10:00:00.123+00:00",
      referenceNumber: null,
    };
    expect(readJsonRow(fields, value)).toEqual({
      notes: "Asked for a refund of 200 $.",
      transcript: "Agent: hello",
      startedAt: new Date("2026-11-20T10:00:00.123Z"),
      referenceNumber: null,
    });
  });

  it("refuses a value sealed for another column", () => {
    const sealed = encryptField("private notes", "contacts.notes");
    expect(readJsonRow({ notes }, { notes: sealed })).toEqual({ notes: "private notes" });
    expect(() => readJsonRow({ transcript }, { transcript: sealed })).toThrow(
      cipher.DecryptionError,
    );
  });
});
