import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { promisify } from "node:util";

import { eq, sql } from "@caseward/db";
import {
  attachments,
  auditEvents,
  breaches,
  cases,
  channels,
  inboundMessages,
  notifications,
  privacyAnswers,
} from "@caseward/db/schema";
import { createDatabase } from "@caseward/db/client";
import { keyIdOf, parseKeyRing, useKeyRing } from "@caseward/db/encryption";
import { createTestDatabase } from "@caseward/services/test-database";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";

import {
  addAttachment,
  getAttachmentForDownload,
  getAttachmentThumbnail,
} from "../attachments/attachment-service";
import { recordAuditEvent } from "../audit/audit-service";
import { listCases } from "../cases/case-list";
import { addChannel, reportChannel } from "../channels/channel-service";
import { reportBreach } from "../privacy/breach-service";
import { ownerOfCalendarToken, rotateCalendarToken } from "../settings/settings-service";
import { savePrivacyChecklist } from "../privacy/checklist-service";
import { getInboundAddress, resolveRecipient } from "../inbound/addresses";
import { readInboundRaw, storeInboundMessage } from "../inbound/store";
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
  closingNote: "refunded after the okapilighthouse call",
  envelopeFrom: "gerbiltrombone@example.com",
  fromAddress: "lemurbanjo@rogers.example",
  subject: "About the dingoclarinet",
  email: "Subject: the tapirsaxophone refund\r\n\r\nYour tapirsaxophone refund is late.\r\n",
  // Encrypted since issue 18.
  title: "Refund for the flamingoteapot order",
  description: "They charged twice for the hedgehogsextant plan",
  representativeId: "EMP-PELICANMARIMBA-7",
  fileName: "chat with yakpercolator.txt",
  privacyNote: "their policy names the llamafrisbee broker",
  privacySource: "https://rogers.com/privacy#salamandertuba",
  breachSource: "news on the koalaespresso site",
  breachNote: "my walrusmandolin data was in it",
  lastError: "550 no mailbox jackalharmonica",
  channelLabel: "Priya at the meerkatbassoon desk",
  reportReason: "asked for my toucanpiano password",
  auditDetail: "beaverukulele",
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
  "okapilighthouse",
  "gerbiltrombone",
  "lemurbanjo",
  "dingoclarinet",
  "tapirsaxophone",
  "flamingoteapot",
  "hedgehogsextant",
  "pelicanmarimba",
  "yakpercolator",
  "llamafrisbee",
  "salamandertuba",
  "koalaespresso",
  "walrusmandolin",
  "jackalharmonica",
  "meerkatbassoon",
  "toucanpiano",
  "beaverukulele",
];

/** A database of its own: rotating keys must not touch rows other test files are reading. */
function ownDatabase() {
  const state = {} as {
    db: ReturnType<typeof createDatabase>["db"];
    url: string;
  };
  let close: () => Promise<void> = async () => {};
  beforeAll(async () => {
    const server = new URL(inject("databaseUrl"));
    server.pathname = "/postgres";
    const database = await createTestDatabase(server.toString(), "caseward_rest");
    const connection = createDatabase(database.url, { max: 3 });
    state.db = connection.db;
    state.url = database.url;
    close = async () => {
      await connection.close();
      await database.drop();
    };
  });
  afterAll(async () => {
    useKeyRing(undefined);
    await close();
  });
  return state;
}

// A transcript file of two chunks (the secret is in the first) and a photo with its thumbnail.
const fileBytes = new TextEncoder().encode(secrets.file.padEnd(1_200_000, "."));
const photo = await sharp({
  create: { width: 640, height: 480, channels: 3, background: { r: 200, g: 180, b: 40 } },
})
  .jpeg()
  .toBuffer();

/** Everything of one user, through the services: a contact with all its text, two files. */
async function storeEverything(db: ReturnType<typeof createDatabase>["db"]) {
  const user = await createTestUser(db, "Rest User");
  const company = await createCompany(db, user.id, { name: "Rogers", website: "rogers.com" });
  const opened = await openCase(db, user.id, {
    companyId: company.id,
    title: secrets.title,
    description: secrets.description,
  });
  const channel = await addChannel(db, user.id, {
    companyId: company.id,
    kind: "email",
    value: "help@rogers.com",
    label: secrets.channelLabel,
    provenance: "bill",
  });
  await reportChannel(db, user.id, { channelId: channel.id, reason: secrets.reportReason });
  await savePrivacyChecklist(db, user.id, {
    companyId: company.id,
    answers: {
      has_privacy_policy: {
        answer: "yes",
        note: secrets.privacyNote,
        sourceUrl: secrets.privacySource,
      },
    },
  });
  await reportBreach(db, user.id, {
    companyId: company.id,
    occurredOn: "2026-11-01",
    source: secrets.breachSource,
    note: secrets.breachNote,
  });
  await db.insert(notifications).values({
    ownerId: user.id,
    caseId: opened.id,
    kind: "escalation",
    dedupeKey: `rest-${opened.id}`,
    sendAfter: new Date(),
    lastError: secrets.lastError,
  });
  await recordAuditEvent(db, user.id, {
    kind: "file_downloaded",
    device: "Firefox on Linux",
    place: "this computer",
    detail: { note: secrets.auditDetail },
  });
  await db.update(cases).set({ closingNote: secrets.closingNote }).where(eq(cases.id, opened.id));
  const question = await addQuestion(db, user.id, { caseId: opened.id, text: secrets.question });
  const contact = await logContact(db, user.id, {
    caseId: opened.id,
    channelKind: "chat",
    startedAt: new Date("2026-11-20T15:04:00Z"),
    notes: secrets.notes,
    transcript: secrets.transcript,
    promisedFollowUp: secrets.promisedFollowUp,
    representativeName: secrets.representativeName,
    representativeId: secrets.representativeId,
    referenceNumber: secrets.referenceNumber,
    answers: [{ questionId: question.id, answer: secrets.answer }],
    disclosures: [
      { kind: "account_number", asked: true, reason: secrets.reason, detail: secrets.detail },
    ],
  });
  const file = await addAttachment(db, user.id, {
    contactId: contact.id,
    fileName: secrets.fileName,
    bytes: fileBytes,
  });
  const image = await addAttachment(db, user.id, {
    contactId: contact.id,
    fileName: "letter.jpg",
    bytes: new Uint8Array(photo),
  });
  // A received email, and the address it came to (whose token must not be in a dump either).
  const address = await getInboundAddress(db, user.id);
  const email = await storeInboundMessage(db, {
    ownerId: user.id,
    addressId: address.id,
    caseId: opened.id,
    envelopeFrom: secrets.envelopeFrom,
    messageId: null,
    raw: new TextEncoder().encode(secrets.email),
  });
  // As the filing job sets them for the Inbox list.
  await db
    .update(inboundMessages)
    .set({ fromAddress: secrets.fromAddress, subject: secrets.subject })
    .where(eq(inboundMessages.id, email.id));
  // The calendar feed's secret link.
  const feedToken = await rotateCalendarToken(db, user.id);
  return { user, opened, contact, file, image, address, email, feedToken };
}

/** The whole database as pg_dump writes it (its COPY data included). */
async function dump(url: string) {
  const { stdout } = await promisify(execFile)("pg_dump", ["--no-owner", url], {
    maxBuffer: 64 * 1024 * 1024,
  });
  return stdout;
}

/** The key ids of every stored chunk of a file. */
async function chunkKeyIds(db: ReturnType<typeof createDatabase>["db"]) {
  const rows = await db.execute<{ key_id: string }>(sql`select key_id from file_chunks`);
  return { chunks: rows.length, keyIds: new Set([...rows].map((row) => row.key_id)) };
}

async function readBack(
  db: ReturnType<typeof createDatabase>["db"],
  stored: Awaited<ReturnType<typeof storeEverything>>,
) {
  const { user, opened, file, image, address, email } = stored;
  const found = await getCase(db, user.id, opened.id);
  const [disclosure] = await listDisclosures(db, user.id);
  const [question] = await listQuestions(db, user.id, opened.id);
  const download = await getAttachmentForDownload(db, user.id, file.id);
  const photoDownload = await getAttachmentForDownload(db, user.id, image.id);
  const thumbnail = await getAttachmentThumbnail(db, user.id, image.id);
  return {
    contact: found.contacts[0],
    closingNote: found.closingNote,
    disclosure: { reason: disclosure?.reason, detail: disclosure?.detail },
    question: { text: question?.text, answer: question?.answer },
    file: await new Response(download.stream).text(),
    photo: Buffer.from(await new Response(photoDownload.stream).arrayBuffer()).equals(photo),
    thumbnail: (await sharp(thumbnail.bytes).metadata()).width,
    email: (await readInboundRaw(db, user.id, email.id)).toString("utf8"),
    recipient: (await resolveRecipient(db, address.token))?.ownerId === user.id,
    case: { title: found.title, description: found.description },
    representativeId: found.contacts[0]?.representativeId,
    fileName: (await db.select().from(attachments).where(eq(attachments.id, file.id)))[0]?.fileName,
    privacy: (await db.select().from(privacyAnswers).where(eq(privacyAnswers.ownerId, user.id)))
      .map((row) => [row.note, row.sourceUrl])
      .flat(),
    breach: (await db.select().from(breaches).where(eq(breaches.ownerId, user.id)))
      .map((row) => [row.source, row.note])
      .flat(),
    lastError: (await db.select().from(notifications).where(eq(notifications.ownerId, user.id)))[0]
      ?.lastError,
    channel: (await db.select().from(channels).where(eq(channels.ownerId, user.id)))
      .map((row) => [row.label, row.statusReason])
      .flat(),
    audit: (await db.select().from(auditEvents).where(eq(auditEvents.userId, user.id))).map(
      (row) => row.detail,
    ),
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
  closingNote: secrets.closingNote,
  disclosure: { reason: secrets.reason, detail: secrets.detail },
  question: { text: secrets.question, answer: secrets.answer },
  file: new TextDecoder().decode(fileBytes),
  photo: true,
  thumbnail: 320,
  email: secrets.email,
  recipient: true,
  case: { title: secrets.title, description: secrets.description },
  representativeId: secrets.representativeId,
  fileName: secrets.fileName,
  privacy: [secrets.privacyNote, secrets.privacySource],
  breach: [secrets.breachSource, secrets.breachNote],
  lastError: secrets.lastError,
  channel: [secrets.channelLabel, `You reported it: ${secrets.reportReason}`],
  audit: [{ note: secrets.auditDetail }],
};

describe("encryption at rest", () => {
  const own = ownDatabase();

  it("leaves none of the user's text or files in a database dump", async () => {
    useKeyRing(parseKeyRing(k1));
    const stored = await storeEverything(own.db);
    // A search indexes the rows (blind index) and still finds them by their words.
    for (const word of ["quokkazanzibar", "marmosetvault", "fennimorebridge", "flamingoteapot"]) {
      const list = await listCases(own.db, stored.user.id, { q: word });
      expect(list.total, word).toBe(1);
    }
    const [indexed] = await own.db.execute<{ n: number }>(
      sql`select count(*)::int as n from contacts where search is not null and search <> ''::tsvector`,
    );
    expect(indexed?.n).toBe(1);
    // The case's title and description are found through their own blind index.
    const [byTitle] = (await listCases(own.db, stored.user.id, { q: "hedgehogsextant" })).groups
      .needs_attention;
    expect(byTitle?.match).toEqual({
      where: "title",
      snippet: expect.stringContaining("«hedgehogsextant»") as unknown,
    });
    expect(byTitle?.title).toBe(secrets.title);

    const text = await dump(own.url);
    expect(text).toContain("cw1:k1:"); // the dump did read the rows
    // It holds the files too (bytea, written in hex): 2 chunks of the transcript, the photo and
    // its thumbnail. A backup of the database is a backup of the files.
    expect(await chunkKeyIds(own.db)).toEqual({ chunks: 4, keyIds: new Set(["k1"]) });
    expect(text).toMatch(/^COPY public\.file_chunks /m);
    for (const word of words) {
      expect(text.toLowerCase(), word).not.toContain(word);
      expect(text, word).not.toContain(Buffer.from(word).toString("hex"));
    }
    for (const value of Object.values(secrets)) expect(text).not.toContain(value);
    expect(text).toMatch(/^COPY public\.inbound_raw_chunks /m);
    expect(text).not.toContain(stored.address.token);
    expect(text).not.toContain(stored.feedToken);
    expect(await ownerOfCalendarToken(own.db, stored.feedToken)).toBe(stored.user.id);
    // Not even a run of the photo's bytes.
    expect(text).not.toContain(photo.subarray(200, 232).toString("hex"));

    expect(await readBack(own.db, stored)).toEqual(expectedReadBack);
  });

  it("rotates every value and file to the new key, and all still read back", async () => {
    useKeyRing(parseKeyRing(k1));
    const stored = await storeEverything(own.db);
    const ring = parseKeyRing(`${k2},${k1}`);
    useKeyRing(ring);
    const progress: string[] = [];
    const report = await rotateEncryptionKeys(own.db, {
      batchSize: 1,
      onProgress: (p) => progress.push(`${p.phase} ${p.done}/${p.total}`),
    });
    // Two contacts, questions, disclosures and sets of files: this test's and the previous
    // one's (4 chunks each: the transcript's 2, the photo and its thumbnail).
    expect(report).toEqual({
      rows: {
        cases: 2,
        contacts: 2,
        questions: 2,
        disclosures: 2,
        channels: 2,
        attachments: 4,
        privacy_answers: 2,
        breaches: 2,
        notifications: 2,
        audit_events: 2,
        inbound_addresses: 2,
        inbound_messages: 2,
        sender_addresses: 0,
        user_settings: 2,
      },
      files: { reencryptedChunks: 8, onDisk: 0, rehashed: 4 },
      inbound: { reencryptedChunks: 2, rehashedTokens: 2 },
      calendarTokens: 2,
    });
    // The feed's link still works once k1 leaves the ring: its hash was made under k2.
    useKeyRing(parseKeyRing(k2));
    expect(await ownerOfCalendarToken(own.db, stored.feedToken)).toBe(stored.user.id);
    useKeyRing(ring);
    expect(progress).toContain("contacts 2/2");
    expect(progress).toContain("files 8/8");

    const values = await own.db.execute<{ value: string }>(sql`
      select v as value from contacts, unnest(array[notes, transcript, promised_follow_up, representative_name, representative_id, reference_number]) v where v is not null
      union all select v from questions, unnest(array[text, answer]) v where v is not null
      union all select v from disclosures, unnest(array[reason, detail]) v where v is not null
      union all select v from cases, unnest(array[title, description, closing_note]) v
      union all select v from channels, unnest(array[label, status_reason]) v
      union all select file_name from attachments
      union all select v from privacy_answers, unnest(array[note, source_url]) v
      union all select v from breaches, unnest(array[source, note]) v
      union all select last_error from notifications
      union all select detail from audit_events
      union all select token from inbound_addresses
      union all select v from inbound_messages, unnest(array[envelope_from, from_address, subject]) v
      union all select calendar_token from user_settings`);
    expect(values.length).toBe(2 * (6 + 2 + 2 + 3 + 2 + 2 + 2 + 2 + 1 + 1 + 1 + 3 + 1));
    expect(new Set([...values].map((row) => keyIdOf(row.value)))).toEqual(new Set(["k2"]));
    const hashes = await own.db.execute<{ key: string }>(
      sql`select split_part(sha256, '.', 1) as key from attachments`,
    );
    expect([...hashes].map((row) => row.key)).toEqual(["k2", "k2", "k2", "k2"]);
    expect(await chunkKeyIds(own.db)).toEqual({ chunks: 8, keyIds: new Set(["k2"]) });
    const lookups = await own.db.execute<{ key: string }>(sql`
      select key_id as key from inbound_raw_chunks
      union all select split_part(token_hash, '.', 1) from inbound_addresses`);
    expect(new Set([...lookups].map((row) => row.key))).toEqual(new Set(["k2"]));

    // Without k1 at all: everything reads, and search finds it through k2 tokens.
    useKeyRing(parseKeyRing(k2));
    expect(await readBack(own.db, stored)).toEqual(expectedReadBack);
    expect((await listCases(own.db, stored.user.id, { q: "axolotlcanvas" })).total).toBe(1);
    expect((await listCases(own.db, stored.user.id, { q: "wombatquartz voucher" })).total).toBe(1);
    expect((await listCases(own.db, stored.user.id, { q: "flamingoteapot" })).total).toBe(1);

    // Nothing left: a second run does nothing.
    const again = await rotateEncryptionKeys(own.db);
    expect(again).toEqual({
      rows: {
        cases: 0,
        contacts: 0,
        questions: 0,
        disclosures: 0,
        channels: 0,
        attachments: 0,
        privacy_answers: 0,
        breaches: 0,
        notifications: 0,
        audit_events: 0,
        inbound_addresses: 0,
        inbound_messages: 0,
        sender_addresses: 0,
        user_settings: 0,
      },
      files: { reencryptedChunks: 0, onDisk: 0, rehashed: 0 },
      inbound: { reencryptedChunks: 0, rehashedTokens: 0 },
      calendarTokens: 0,
    });
  });
});
