import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

import { sql } from "@caseward/db";
import { createDatabase } from "@caseward/db/client";
import { keyIdOf, parseKeyRing, useKeyRing } from "@caseward/db/encryption";
import { createTestDatabase } from "@caseward/db/test-database";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";

import { addAttachment, getAttachmentForDownload } from "../attachments/attachment-service";
import { listCases } from "../cases/case-list";
import { getCase, openCase } from "../cases/case-service";
import { createCompany } from "../companies/company-service";
import { logContact } from "../contacts/contact-service";
import { listDisclosures } from "../privacy/disclosure-service";
import { addQuestion, listQuestions } from "../questions/question-service";
import { createTestUser } from "../testing";
import { rotateEncryptionKeys } from "./rotate-keys";

// Test-only keys, derived from public labels.
const key = (label: string) => createHash("sha256").update(label).digest("base64");
const k1 = `k1:${key("rest key one")}`;
const k2 = `k2:${key("rest key two")}`;

// Words no dictionary stems: each is its own lexeme, so finding neither the word nor its
// lexeme in the dump means it is nowhere.
const secrets = {
  notes: "quokkazanzibar notes",
  transcript: "Agent: the wombatquartz voucher is void.",
  promisedFollowUp: "call back about the narwhalpiccolo",
  representativeName: "Ottoline Fennimorebridge",
  referenceNumber: "REF-ZEBRAFINCH-881",
  question: "Will the marmosetvault be refunded?",
  answer: "Yes, the axolotlcanvas form",
  detail: "last 4 digits, said on the capybaralantern line",
  reason: "to check the ibexmarmalade account",
  file: "Agent: your pangolinfiddle ticket is open.\n",
};
const words = [
  "quokkazanzibar",
  "wombatquartz",
  "narwhalpiccolo",
  "fennimorebridge",
  "zebrafinch",
  "marmosetvault",
  "axolotlcanvas",
  "capybaralantern",
  "ibexmarmalade",
  "pangolinfiddle",
];

/** A database of its own: rotating keys must not touch rows other test files are reading. */
function ownDatabase() {
  const state = {} as {
    db: ReturnType<typeof createDatabase>["db"];
    url: string;
    uploadDir: string;
  };
  let close: () => Promise<void> = async () => {};
  beforeAll(async () => {
    const server = new URL(inject("databaseUrl"));
    server.pathname = "/postgres";
    const database = await createTestDatabase(server.toString(), "caseward_rest");
    const connection = createDatabase(database.url, { max: 3 });
    state.db = connection.db;
    state.url = database.url;
    state.uploadDir = await mkdtemp(join(tmpdir(), "caseward-rest-"));
    close = async () => {
      await connection.close();
      await database.drop();
      await rm(state.uploadDir, { recursive: true, force: true });
    };
  });
  afterAll(async () => {
    useKeyRing(undefined);
    await close();
  });
  return state;
}

/** Everything of one user, through the services: a contact with all its text, a file. */
async function storeEverything(db: ReturnType<typeof createDatabase>["db"], uploadDir: string) {
  const user = await createTestUser(db, "Rest User");
  const company = await createCompany(db, user.id, { name: "Rogers", website: "rogers.com" });
  const opened = await openCase(db, user.id, { companyId: company.id, title: "Outage" });
  const question = await addQuestion(db, user.id, { caseId: opened.id, text: secrets.question });
  const contact = await logContact(db, user.id, {
    caseId: opened.id,
    channelKind: "chat",
    startedAt: new Date("2026-11-20T15:04:00Z"),
    notes: secrets.notes,
    transcript: secrets.transcript,
    promisedFollowUp: secrets.promisedFollowUp,
    representativeName: secrets.representativeName,
    referenceNumber: secrets.referenceNumber,
    answers: [{ questionId: question.id, answer: secrets.answer }],
    disclosures: [
      { kind: "account_number", asked: true, reason: secrets.reason, detail: secrets.detail },
    ],
  });
  const file = await addAttachment(
    db,
    user.id,
    { contactId: contact.id, fileName: "chat.txt", bytes: new TextEncoder().encode(secrets.file) },
    { uploadDir },
  );
  return { user, opened, contact, file };
}

/** The whole database as pg_dump writes it (its COPY data included). */
async function dump(url: string) {
  const { stdout } = await promisify(execFile)("pg_dump", ["--no-owner", url], {
    maxBuffer: 64 * 1024 * 1024,
  });
  return stdout;
}

async function filesUnder(dir: string): Promise<Buffer[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return Promise.all(
    entries.filter((e) => e.isFile()).map((e) => readFile(join(e.parentPath, e.name))),
  );
}

async function readBack(
  db: ReturnType<typeof createDatabase>["db"],
  uploadDir: string,
  stored: Awaited<ReturnType<typeof storeEverything>>,
) {
  const { user, opened, file } = stored;
  const found = await getCase(db, user.id, opened.id);
  const [disclosure] = await listDisclosures(db, user.id);
  const [question] = await listQuestions(db, user.id, opened.id);
  const download = await getAttachmentForDownload(db, user.id, file.id, { uploadDir });
  return {
    contact: found.contacts[0],
    disclosure: { reason: disclosure?.reason, detail: disclosure?.detail },
    question: { text: question?.text, answer: question?.answer },
    file: await new Response(download.stream).text(),
  };
}

const expectedReadBack = {
  contact: expect.objectContaining({
    notes: secrets.notes,
    transcript: secrets.transcript,
    promisedFollowUp: secrets.promisedFollowUp,
    representativeName: secrets.representativeName,
    referenceNumber: secrets.referenceNumber,
  }) as unknown,
  disclosure: { reason: secrets.reason, detail: secrets.detail },
  question: { text: secrets.question, answer: secrets.answer },
  file: secrets.file,
};

describe("encryption at rest", () => {
  const own = ownDatabase();

  it("leaves none of the user's text in a database dump or the upload folder", async () => {
    useKeyRing(parseKeyRing(k1));
    const stored = await storeEverything(own.db, own.uploadDir);
    // A search indexes the rows (blind index) and still finds them by their words.
    for (const word of ["quokkazanzibar", "marmosetvault", "fennimorebridge"]) {
      const list = await listCases(own.db, stored.user.id, { q: word });
      expect(list.total, word).toBe(1);
    }
    const [indexed] = await own.db.execute<{ n: number }>(
      sql`select count(*)::int as n from contacts where search is not null and search <> ''::tsvector`,
    );
    expect(indexed?.n).toBe(1);

    const text = await dump(own.url);
    expect(text).toContain("cw1:k1:"); // the dump did read the rows
    const files = await filesUnder(own.uploadDir);
    expect(files).toHaveLength(1);
    for (const word of words) {
      expect(text.toLowerCase(), word).not.toContain(word);
      for (const content of files)
        expect(content.toString("latin1").toLowerCase(), word).not.toContain(word);
    }
    for (const value of Object.values(secrets)) expect(text).not.toContain(value);

    expect(await readBack(own.db, own.uploadDir, stored)).toEqual(expectedReadBack);
  });

  it("rotates every value and file to the new key, and all still read back", async () => {
    useKeyRing(parseKeyRing(k1));
    const stored = await storeEverything(own.db, own.uploadDir);
    const ring = parseKeyRing(`${k2},${k1}`);
    useKeyRing(ring);
    const progress: string[] = [];
    const report = await rotateEncryptionKeys(own.db, {
      uploadDir: own.uploadDir,
      batchSize: 1,
      onProgress: (p) => progress.push(`${p.phase} ${p.done}/${p.total}`),
    });
    // Two contacts, questions, disclosures and files: this test's and the previous one's.
    expect(report).toEqual({
      rows: { contacts: 2, questions: 2, disclosures: 2 },
      files: { reencrypted: 2, current: 0, missing: 0 },
    });
    expect(progress).toContain("contacts 2/2");
    expect(progress).toContain("files 2/2");

    const values = await own.db.execute<{ value: string }>(sql`
      select v as value from contacts, unnest(array[notes, transcript, promised_follow_up, representative_name, reference_number]) v where v is not null
      union all select v from questions, unnest(array[text, answer]) v where v is not null
      union all select v from disclosures, unnest(array[reason, detail]) v where v is not null`);
    expect(values.length).toBe(2 * (5 + 2 + 2));
    expect(new Set([...values].map((row) => keyIdOf(row.value)))).toEqual(new Set(["k2"]));
    for (const content of await filesUnder(own.uploadDir)) {
      expect(content.subarray(0, 7).toString("latin1")).toBe("CWF1\u0002k2");
    }

    // Without k1 at all: everything reads, and search finds it through k2 tokens.
    useKeyRing(parseKeyRing(k2));
    expect(await readBack(own.db, own.uploadDir, stored)).toEqual(expectedReadBack);
    expect((await listCases(own.db, stored.user.id, { q: "axolotlcanvas" })).total).toBe(1);
    expect((await listCases(own.db, stored.user.id, { q: "wombatquartz voucher" })).total).toBe(1);

    // Nothing left: a second run does nothing.
    const again = await rotateEncryptionKeys(own.db, { uploadDir: own.uploadDir });
    expect(again).toEqual({
      rows: { contacts: 0, questions: 0, disclosures: 0 },
      files: { reencrypted: 0, current: 2, missing: 0 },
    });
  });
});
