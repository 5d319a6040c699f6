import { createHash } from "node:crypto";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { sql } from "@caseward/db";
import { createDatabase } from "@caseward/db/client";
import { isEncryptedValue, parseKeyRing, useKeyRing } from "@caseward/db/encryption";
import { migrateDatabase, migrationsFolder } from "@caseward/db/migrate";
import { afterAll, describe, expect, inject, it } from "vitest";

import { contentMatches } from "../attachments/content-hash";
import { listAuditEvents } from "../audit/audit-service";
import { listCases } from "../cases/case-list";
import { getCase } from "../cases/case-service";
import { listChannels } from "../channels/channel-service";
import { listBreaches } from "../privacy/breach-service";
import { ownerOfCalendarToken } from "../settings/settings-service";
import { encryptPlaintextRows } from "./rotate-keys";

// An install from before migration 0012 (encrypt_personal_columns): its case titles, file
// names, privacy notes… are plaintext, its case search a generated vector of the title's words,
// its audit detail JSON. After the migration and the start-time step (encryptPlaintextRows),
// every one of those values is encrypted, still reads back, and the case is found by its title.

const key = (label: string) => createHash("sha256").update(label).digest("base64");
const ring = parseKeyRing(`k1:${key("plaintext step key")}`);
const fileBytes = new TextEncoder().encode("Agent: your refund is on its way.\n");

/** The committed migrations before 0012, in a folder of their own. */
function migrationsBefore0012() {
  const folder = mkdtempSync(join(tmpdir(), "caseward-migrations-"));
  cpSync(migrationsFolder, folder, { recursive: true });
  const journalFile = join(folder, "meta", "_journal.json");
  const journal = JSON.parse(readFileSync(journalFile, "utf8")) as { entries: { tag: string }[] };
  const at = journal.entries.findIndex((e) => e.tag.endsWith("_encrypt_personal_columns"));
  expect(at).toBeGreaterThan(0);
  journal.entries = journal.entries.slice(0, at);
  writeFileSync(journalFile, JSON.stringify(journal));
  return folder;
}

const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  useKeyRing(undefined);
  for (const cleanup of cleanups.reverse()) await cleanup();
});

describe("migration 0012 and the start-time encryption of plaintext", () => {
  it("encrypts every value an older install kept in the clear, and all still reads", async () => {
    const server = new URL(inject("databaseUrl"));
    server.pathname = "/postgres";
    const admin = createDatabase(server.toString(), { max: 1 });
    const name = `caseward_upgrade_${Date.now().toString(36)}`;
    await admin.db.execute(sql.raw(`create database "${name}"`));
    cleanups.push(async () => {
      await admin.db.execute(sql.raw(`drop database if exists "${name}" with (force)`));
      await admin.close();
    });
    const url = new URL(server);
    url.pathname = `/${name}`;

    // The schema as it was, with rows written the way that version wrote them.
    const before = migrationsBefore0012();
    cleanups.push(() => rmSync(before, { recursive: true, force: true }));
    await migrateDatabase(url.toString(), before);
    const connection = createDatabase(url.toString(), { max: 2 });
    cleanups.push(() => connection.close());
    const { db } = connection;
    const sha256 = createHash("sha256").update(fileBytes).digest("hex");
    const [ids] = await db.execute<{ company: string; case: string; contact: string }>(sql`
      with u as (insert into users (id, name, email) values ('old-user', 'Old User', 'old@example.test') returning id),
      co as (insert into companies (owner_id, name, website_url, official_domain)
             select id, 'Rogers', 'https://rogers.com', 'rogers.com' from u returning id, owner_id),
      ch as (insert into channels (owner_id, company_id, kind, value, label, status_reason, position)
             select owner_id, id, 'email', 'help@rogers.com', 'the quailkazoo desk', 'You reported it: oddly quailoboe', 0 from co returning id),
      ca as (insert into cases (owner_id, company_id, title, description)
             select owner_id, id, 'Refund for the ravenpretzel', 'charged twice by ravenmuffin' from co returning id, owner_id),
      ct as (insert into contacts (owner_id, case_id, channel_kind, direction, started_at, representative_id)
             select owner_id, id, 'phone', 'outbound', now(), 'EMP-RAVENCELLO' from ca returning id, owner_id, case_id)
      select (select id from co) as company, (select id from ca) as case, (select id from ct) as contact`);
    await db.execute(sql`insert into attachments (owner_id, contact_id, kind, file_name, mime_type, size_bytes, sha256)
              values ('old-user', ${ids!.contact}, 'transcript', 'ravenbanjo chat.txt', 'text/plain', ${fileBytes.byteLength}, ${sha256})`);
    await db.execute(sql`insert into privacy_answers (owner_id, company_id, question_id, answer, note, source_url)
              values ('old-user', ${ids!.company}, 'has_privacy_policy', 'yes', 'names the ravenflute broker', 'https://rogers.com/#ravenharp')`);
    await db.execute(sql`insert into breaches (owner_id, company_id, occurred_on, source, note)
              values ('old-user', ${ids!.company}, '2026-11-01', 'news on ravenlute', 'my ravenoboe data')`);
    await db.execute(sql`insert into notifications (owner_id, case_id, kind, dedupe_key, send_after, last_error)
              values ('old-user', ${ids!.case}, 'escalation', 'old-1', now(), '550 ravenpiccolo')`);
    await db.execute(sql`insert into audit_events (user_id, kind, device, place, detail)
              values ('old-user', 'file_downloaded', 'Firefox', 'this computer', ${JSON.stringify({ caseId: ids!.case })}::jsonb)`);
    const feedToken = "ravenFeedToken_0123456789abcdef";
    await db.execute(sql`insert into user_settings (user_id, calendar_token)
              values ('old-user', ${feedToken})`);
    const [generated] = await db.execute<{ search: string }>(sql`select search::text from cases`);
    expect(generated?.search).toContain("ravenpretzel"); // the old vector held the words

    await migrateDatabase(url.toString());
    // The SQL step: the vectors of words are gone, the audit detail is text.
    const [afterSql] = await db.execute<{ search: string | null; detail: string }>(
      sql`select (select search::text from cases) as search, (select detail from audit_events) as detail`,
    );
    expect(afterSql?.search).toBeNull();
    expect(JSON.parse(afterSql!.detail)).toEqual({ caseId: ids!.case });

    useKeyRing(ring);
    const report = await encryptPlaintextRows(db, { ring });
    expect(report.rows).toMatchObject({
      cases: 1,
      contacts: 1,
      channels: 1,
      attachments: 1,
      privacy_answers: 1,
      breaches: 1,
      notifications: 1,
      audit_events: 1,
      user_settings: 1,
    });
    expect(report.files.rehashed).toBe(1);
    expect(report.calendarTokens).toBe(1);

    const stored = await db.execute<{ value: string }>(sql`
      select v as value from cases, unnest(array[title, description]) v
      union all select representative_id from contacts
      union all select v from channels, unnest(array[label, status_reason]) v
      union all select file_name from attachments
      union all select v from privacy_answers, unnest(array[note, source_url]) v
      union all select v from breaches, unnest(array[source, note]) v
      union all select last_error from notifications
      union all select detail from audit_events
      union all select calendar_token from user_settings`);
    expect(stored.length).toBe(13);
    expect([...stored].filter((row) => !isEncryptedValue(row.value))).toEqual([]);
    const [hash] = await db.execute<{ sha256: string }>(sql`select sha256 from attachments`);
    expect(hash?.sha256).toMatch(/^k1\./);
    expect(contentMatches(fileBytes, hash!.sha256, ring)).toBe(true);
    const dump = JSON.stringify(
      await db.execute(sql`select row_to_json(t)::text as r from (
        select * from cases) t union all select row_to_json(a)::text from attachments a
        union all select row_to_json(s)::text from user_settings s`),
    );
    expect(dump.toLowerCase()).not.toContain("raven");

    // Everything reads back, and the dashboard finds the case by its title's words.
    const found = await getCase(db, "old-user", ids!.case);
    expect([found.title, found.description, found.contacts[0]?.representativeId]).toEqual([
      "Refund for the ravenpretzel",
      "charged twice by ravenmuffin",
      "EMP-RAVENCELLO",
    ]);
    const list = await listCases(db, "old-user", { q: "ravenpretzel" });
    expect(list.total).toBe(1);
    expect((await listCases(db, "old-user", { q: "ravenmuffin" })).total).toBe(1);
    expect(
      (await listChannels(db, "old-user", ids!.company)).map((c) => [c.label, c.statusReason]),
    ).toEqual([["the quailkazoo desk", "You reported it: oddly quailoboe"]]);
    expect(
      (await listBreaches(db, "old-user", ids!.company)).map((b) => [b.source, b.note]),
    ).toEqual([["news on ravenlute", "my ravenoboe data"]]);
    expect((await listAuditEvents(db, "old-user")).events.map((e) => e.detail)).toEqual([
      { caseId: ids!.case },
    ]);
    // The calendar feed's link keeps working, found by its keyed hash.
    expect(await ownerOfCalendarToken(db, feedToken)).toBe("old-user");
    expect(await ownerOfCalendarToken(db, `${feedToken}x`)).toBeNull();

    // Nothing left: the next start only counts.
    const again = await encryptPlaintextRows(db, { ring });
    expect(Object.values(again.rows).every((n) => n === 0)).toBe(true);
    expect(again.files.rehashed).toBe(0);
    expect(again.calendarTokens).toBe(0);
  });
});
