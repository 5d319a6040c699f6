import { sql } from "@caseward/db";
import { decryptField, isEncryptedValue } from "@caseward/db/encryption";
import { describe, expect, it } from "vitest";

import { addAttachment } from "../attachments/attachment-service";
import { openCase } from "../cases/case-service";
import { addChannel, reportChannel } from "../channels/channel-service";
import { createCompany, setComplaintBody } from "../companies/company-service";
import { logContact } from "../contacts/contact-service";
import { getInboundAddress } from "../inbound/addresses";
import { fileInboundMessage } from "../inbound/file-message";
import { storeInboundMessage } from "../inbound/store";
import { addQuestion, answerQuestion, updateQuestion } from "../questions/question-service";
import { createTestUser, useTestDatabase } from "../testing";
import { reportBreach } from "./breach-service";
import { savePrivacyChecklist } from "./checklist-service";
import { addDisclosure } from "./disclosure-service";
import { findFullSecret } from "./find-full-secret";
import { maskSecret } from "./mask-secret";

// PRODUCT.md: full national id and card numbers are never stored. Every service that saves
// free text (each tRPC mutation is its input schema plus one of these calls) gets a full secret
// in each of its text fields and must refuse it; then every text column of the whole database
// is read back and none holds a full secret.

const db = useTestDatabase();

const secrets = {
  sin: "My SIN is 046 454 286",
  ssn: "ssn 123-45-6789",
  card: "card 4111-1111-1111-1111 exp 04/29",
  packedCard: "4012888888881881",
};

async function refused(call: () => Promise<unknown>) {
  const error = await call().then(
    () => null,
    (e: unknown) => e,
  );
  return error instanceof Error ? error.message : "accepted";
}

describe("no full secret reaches the database", () => {
  it("every free-text field of every saving service refuses one, and the database holds none", async () => {
    const user = await createTestUser(db);
    const company = await createCompany(db, user.id, { name: "Rogers", website: "rogers.com" });
    const channel = await addChannel(db, user.id, {
      companyId: company.id,
      kind: "phone",
      value: "1 888 764 3771",
      provenance: "bill",
    });
    const opened = await openCase(db, user.id, { companyId: company.id, title: "Refund owed" });
    const contact = await logContact(db, user.id, {
      caseId: opened.id,
      channelId: channel.id,
      channelKind: "phone",
      startedAt: new Date("2026-11-20T15:00:00Z"),
      notes: "Card ending 1111, order 123456789012, call back 1-888-764-3771 on 2026-11-21",
    });
    const question = await addQuestion(db, user.id, {
      caseId: opened.id,
      text: "When is the refund?",
    });

    const attempts: Record<string, (secret: string) => Promise<unknown>> = {
      "company.create name": (s) => createCompany(db, user.id, { name: s, website: "x.com" }),
      "company.setComplaintBody": (s) =>
        setComplaintBody(db, user.id, {
          companyId: company.id,
          complaintBody: s,
          complaintAfterDays: 30,
        }),
      "channel.add value": (s) =>
        addChannel(db, user.id, {
          companyId: company.id,
          kind: "phone",
          value: s,
          provenance: "bill",
        }),
      "channel.add label": (s) =>
        addChannel(db, user.id, {
          companyId: company.id,
          kind: "email",
          value: "help@rogers.com",
          label: s,
          provenance: "bill",
        }),
      "channel.report reason": (s) =>
        reportChannel(db, user.id, { channelId: channel.id, reason: s }),
      "case.open title": (s) => openCase(db, user.id, { companyId: company.id, title: s }),
      "case.open description": (s) =>
        openCase(db, user.id, { companyId: company.id, title: "Another", description: s }),
      ...Object.fromEntries(
        (
          [
            "representativeName",
            "representativeId",
            "referenceNumber",
            "notes",
            "transcript",
            "promisedFollowUp",
          ] as const
        ).map((field) => [
          `contact.log ${field}`,
          (s: string) =>
            logContact(db, user.id, {
              caseId: opened.id,
              channelKind: "phone",
              startedAt: new Date("2026-11-21T15:00:00Z"),
              [field]: s,
            }),
        ]),
      ),
      "contact.log answer": (s) =>
        logContact(db, user.id, {
          caseId: opened.id,
          channelKind: "phone",
          startedAt: new Date("2026-11-21T15:00:00Z"),
          answers: [{ questionId: question.id, answer: s }],
        }),
      "contact.log disclosure reason": (s) =>
        logContact(db, user.id, {
          caseId: opened.id,
          channelKind: "phone",
          startedAt: new Date("2026-11-21T15:00:00Z"),
          disclosures: [{ kind: "national_id", reason: s }],
        }),
      "question.add": (s) => addQuestion(db, user.id, { caseId: opened.id, text: s }),
      "question.update": (s) => updateQuestion(db, user.id, { questionId: question.id, text: s }),
      "question.answer": (s) => answerQuestion(db, user.id, { questionId: question.id, answer: s }),
      "privacy.saveChecklist note": (s) =>
        savePrivacyChecklist(db, user.id, {
          companyId: company.id,
          answers: { has_privacy_policy: { answer: "yes", note: s } },
        }),
      "privacy.saveChecklist sourceUrl": (s) =>
        savePrivacyChecklist(db, user.id, {
          companyId: company.id,
          answers: {
            has_privacy_policy: {
              answer: "yes",
              sourceUrl: `https://rogers.com/?q=${encodeURIComponent(s)}`,
            },
          },
        }),
      "privacy.addDisclosure detail": (s) =>
        addDisclosure(db, user.id, { contactId: contact.id, kind: "card_last4", detail: s }),
      "privacy.addDisclosure reason": (s) =>
        addDisclosure(db, user.id, { contactId: contact.id, kind: "name", reason: s }),
      "privacy.reportBreach source": (s) =>
        reportBreach(db, user.id, { companyId: company.id, occurredOn: "2026-11-01", source: s }),
      "privacy.reportBreach note": (s) =>
        reportBreach(db, user.id, {
          companyId: company.id,
          occurredOn: "2026-11-01",
          source: "news",
          note: s,
        }),
      "attachment.add fileName": (s) =>
        addAttachment(db, user.id, {
          contactId: contact.id,
          fileName: `${s}.txt`,
          bytes: new TextEncoder().encode("hello"),
        }),
    };

    const accepted: string[] = [];
    for (const [name, attempt] of Object.entries(attempts)) {
      for (const [kind, secret] of Object.entries(secrets)) {
        const message = await refused(() => attempt(secret));
        if (message === "accepted") accepted.push(`${name} took the ${kind}`);
        else expect(message, `${name} / ${kind}`).toMatch(/card|id number|SIN|SSN|digits/i);
      }
    }
    expect(accepted).toEqual([]);

    // What the refusal offers instead, keeping the last digits, is taken.
    const kept = await logContact(db, user.id, {
      caseId: opened.id,
      channelKind: "phone",
      startedAt: new Date("2026-11-21T15:00:00Z"),
      notes: maskSecret(secrets.card),
      disclosures: [{ kind: "national_id", reason: maskSecret(secrets.sin) }],
    });
    expect(kept.notes).toMatch(/1111/);
    expect(findFullSecret(kept.notes!)).toBeNull();

    // Mail that comes in holding a SIN and a card number: filed into a case, and held in the
    // Inbox (an unknown sender). The text is masked before it is stored; the filed one's raw
    // bytes go once its masked .eml is kept.
    const address = await getInboundAddress(db, user.id);
    const mail = (from: string, id: string) =>
      new TextEncoder().encode(
        [
          `From: ${from}`,
          "To: me@in.caseward.test",
          `Subject: Your SIN 046 454 286 on file`,
          "Date: Mon, 30 Nov 2026 16:00:00 -0500",
          `Message-ID: <${id}@example.test>`,
          "",
          `${secrets.sin}, ${secrets.card}, ${secrets.ssn}, ${secrets.packedCard}`,
          "",
        ].join("\r\n"),
      );
    const filedMail = await storeInboundMessage(db, {
      ownerId: user.id,
      addressId: address.id,
      caseId: opened.id,
      envelopeFrom: "",
      messageId: "<secret-filed@example.test>",
      raw: mail(user.email, "secret-filed"),
    });
    const heldMail = await storeInboundMessage(db, {
      ownerId: user.id,
      addressId: address.id,
      caseId: null,
      envelopeFrom: "",
      messageId: "<secret-held@example.test>",
      raw: mail("stranger@example.com", "secret-held"),
    });
    expect((await fileInboundMessage(db, filedMail.id))?.state).toBe("filed");
    expect((await fileInboundMessage(db, heldMail.id))?.state).toBe("inbox");
    const rawLeft = await db.execute<{ n: number }>(
      sql`select count(*)::int as n from inbound_raw_chunks where inbound_message_id = ${filedMail.id}`,
    );
    expect(rawLeft[0]?.n).toBe(0);

    // Every text and text[] column of every table, read back.
    const columns = await db.execute<{ table_name: string; column_name: string }>(sql`
      select table_name, column_name from information_schema.columns
      where table_schema = 'public' and (data_type in ('text', 'character varying') or udt_name = '_text')`);
    expect(columns.length).toBeGreaterThan(40);
    const found: string[] = [];
    let values = 0;
    let decrypted = 0;
    // Keys the system makes (random hex ids, hashes, dedupe keys, the account's own email made
    // from the id, the two-factor secret and backup codes, encrypted as hex) are not text anyone
    // typed, and a random one may hold 9 digits in a row.
    // Addresses are made from random ids by other tests that share this database (an envelope
    // sender too), and keyed hashes are random base64: none of them is text a person typed.
    const generated = (column: string) =>
      column === "id" ||
      column.endsWith("_id") ||
      column.endsWith("_hash") ||
      column === "envelope_from" ||
      column === "calendar_token" ||
      [
        "sha256",
        "storage_key",
        "dedupe_key",
        "message_key",
        "token_hash",
        "token",
        "email",
        "secret",
        "backup_codes",
      ].includes(column);
    // better-auth's verification identifiers are stored as a keyed hex hash of the token, and
    // their values are what it made: a user's random id (other tests sharing this database
    // write one, and one may hold 9 digits in a row).
    const hashedByAuth = (table: string, column: string) =>
      table === "verifications" && (column === "identifier" || column === "value");
    for (const { table_name, column_name } of columns) {
      if (generated(column_name) || hashedByAuth(table_name, column_name)) continue;
      const rows = await db.execute<{ v: string | null }>(
        sql`select ${sql.identifier(column_name)}::text as v from ${sql.identifier(table_name)}`,
      );
      for (const { v: stored } of rows) {
        if (stored === null) continue;
        values++;
        // Encrypted at rest: what matters is the text the user gave, so it is read decrypted.
        const encrypted = isEncryptedValue(stored);
        if (encrypted) decrypted++;
        // The account's made-up email (random hex) is also the sender of the user's own mail.
        const v = (
          encrypted ? decryptField(stored, `${table_name}.${column_name}`) : stored
        ).replaceAll(user.email, "<account email>");
        if (findFullSecret(v)) found.push(`${table_name}.${column_name}: ${v.slice(0, 60)}`);
      }
    }
    expect(values).toBeGreaterThan(8);
    expect(decrypted).toBeGreaterThan(3);
    expect(found).toEqual([]);
  });
});
