import { randomBytes } from "node:crypto";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { sql } from "@caseward/db";
import { Queue, Worker } from "bullmq";
import { unzipSync } from "fflate";
import { Redis } from "ioredis";
import { afterAll, describe, expect, inject, it } from "vitest";

import { twoFactors, verifications } from "@caseward/db/schema";

import { addAttachment } from "../attachments/attachment-service";
import { recordAuditEvent } from "../audit/audit-service";
import { openCase } from "../cases/case-service";
import { addChannel } from "../channels/channel-service";
import { createCompany } from "../companies/company-service";
import { logContact } from "../contacts/contact-service";
import {
  createJobProducer,
  queues,
  scheduleInboundFiling,
  scheduleNotifications,
  scheduleTimers,
} from "../jobs";
import { createMailer } from "../mail/mailer";
import { getInboundAddress } from "../inbound/addresses";
import { storeInboundMessage } from "../inbound/store";
import { reportBreach } from "../privacy/breach-service";
import { savePrivacyChecklist } from "../privacy/checklist-service";
import { addQuestion } from "../questions/question-service";
import { createTestUser, useTestDatabase } from "../testing";
import { exportAccount, zipEntryName } from "./account-export";
import { deleteAccount, queuedJobIdsOf } from "./delete-account";

const db = useTestDatabase();
const redis = new Redis(inject("redisUrl"), { maxRetriesPerRequest: null });
const prefix = `${inject("queuePrefix")}account`;
const producer = createJobProducer(redis, prefix);

afterAll(async () => {
  await producer.close();
  const keys = await redis.keys(`${prefix}:*`);
  if (keys.length > 0) await redis.del(...keys);
  await redis.quit();
});

/** A user with something in every table. */
async function fullAccount(name: string) {
  const user = await createTestUser(db, name);
  const company = await createCompany(db, user.id, { name: `${name} Bank`, website: "td.com" });
  const channel = await addChannel(db, user.id, {
    companyId: company.id,
    kind: "email",
    value: "help@td.com",
    provenance: "statement",
  });
  const opened = await openCase(db, user.id, { companyId: company.id, title: `${name}'s refund` });
  await addQuestion(db, user.id, { caseId: opened.id, text: "When is the refund?" });
  const contact = await logContact(db, user.id, {
    caseId: opened.id,
    channelId: channel.id,
    channelKind: "email",
    direction: "outbound",
    startedAt: new Date(Date.now() - 3_600_000),
    notes: `${name} wrote about the refund`,
    followUpDueAt: new Date(Date.now() + 86_400_000),
    promisedFollowUp: "Refund by tomorrow",
    disclosures: [{ kind: "address", reason: "To send a cheque" }],
    redFlags: ["pressure_to_act_now"],
  });
  await addAttachment(db, user.id, {
    contactId: contact.id,
    fileName: "chat/transcript.txt",
    bytes: new TextEncoder().encode(`${name} transcript`),
  });
  await savePrivacyChecklist(db, user.id, {
    companyId: company.id,
    answers: { has_privacy_policy: { answer: "yes" } },
  });
  await reportBreach(db, user.id, {
    companyId: company.id,
    occurredOn: "2026-10-01",
    source: "news",
  });
  await recordAuditEvent(db, user.id, {
    kind: "sign_in",
    device: "Chrome on Linux",
    place: "This network",
    detail: { method: "password" },
  });
  await db.insert(twoFactors).values({
    id: `2fa-${user.id}`,
    userId: user.id,
    secret: "encrypted secret",
    backupCodes: "encrypted codes",
  });
  const address = await getInboundAddress(db, user.id);
  await storeInboundMessage(db, {
    ownerId: user.id,
    addressId: address.id,
    caseId: opened.id,
    envelopeFrom: `${name.toLowerCase()}@example.com`,
    messageId: `<${name}@example.com>`,
    raw: new TextEncoder().encode(`Subject: ${name}'s refund\r\n\r\nWhere is it?\r\n`),
  });
  return { user, contact };
}

/** Rows of `userId` in every table that has an owner_id or user_id column. */
async function rowsOf(userId: string) {
  const columns = await db.execute<{ table_name: string; column_name: string }>(sql`
    select table_name, column_name from information_schema.columns
    where table_schema = 'public' and column_name in ('owner_id', 'user_id')`);
  const counts: Record<string, number> = {};
  for (const { table_name, column_name } of columns) {
    const [row] = await db.execute<{ n: number }>(
      sql`select count(*)::int as n from ${sql.identifier(table_name)} where ${sql.identifier(column_name)} = ${userId}`,
    );
    counts[table_name] = row!.n;
  }
  const [user] = await db.execute<{ n: number }>(
    sql`select count(*)::int as n from users where id = ${userId}`,
  );
  counts.users = user!.n;
  return counts;
}

describe("export", () => {
  it("zips every row and file of the user, and nothing of anyone else", async () => {
    const { user, contact } = await fullAccount("Amira");
    await fullAccount("Boris");
    // A file of several chunks, read from the database as the zip is read.
    const recording = Buffer.from(randomBytes(1_200_000).toString("base64"));
    await addAttachment(db, user.id, {
      contactId: contact.id,
      fileName: "long call.txt",
      bytes: new Uint8Array(recording),
    });
    const stream = await exportAccount(db, user.id);
    const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
    const files = unzipSync(bytes);
    const names = Object.keys(files).sort();
    expect(names[0]).toBe("caseward-export.json");
    expect(names).toHaveLength(4);
    const transcript = names.find((name) => name.endsWith("transcript.txt"))!;
    expect(transcript).toMatch(/^files\/[0-9a-f-]{36}-[^/]*transcript\.txt$/);
    expect(new TextDecoder().decode(files[transcript])).toBe("Amira transcript");
    const long = names.find((name) => name.endsWith("long call.txt"))!;
    expect(Buffer.from(files[long]!).equals(recording)).toBe(true);
    // The email received and not filed yet, decrypted, as it came.
    const eml = names.find((name) => name.startsWith("inbound/"))!;
    expect(eml).toMatch(/^inbound\/[0-9a-f-]{36}\.eml$/);
    expect(new TextDecoder().decode(files[eml])).toBe(
      "Subject: Amira's refund\r\n\r\nWhere is it?\r\n",
    );

    const data = JSON.parse(new TextDecoder().decode(files["caseward-export.json"])) as Record<
      string,
      unknown[] | Record<string, unknown>
    >;
    const count = (key: string) => (data[key] as unknown[]).length;
    expect(data.user).toMatchObject({ name: "Amira", email: user.email });
    expect(
      Object.fromEntries(
        [
          "companies",
          "companyDomains",
          "channels",
          "cases",
          "contacts",
          "questions",
          "attachments",
          "timers",
          "notifications",
          "privacyAnswers",
          "disclosures",
          "redFlags",
          "breaches",
          "inboundAddresses",
          "inboundMessages",
          "securityActivity",
        ].map((key) => [key, count(key)]),
      ),
    ).toEqual({
      companies: 1,
      companyDomains: 1,
      channels: 1,
      cases: 1,
      contacts: 1,
      questions: 1,
      attachments: 2,
      timers: 2,
      notifications: 1,
      privacyAnswers: 1,
      disclosures: 1,
      redFlags: 1,
      breaches: 1,
      inboundAddresses: 1,
      inboundMessages: 1,
      securityActivity: 1,
    });
    const text = JSON.stringify(data);
    expect(text).toContain("Amira wrote about the refund");
    expect(text).not.toContain("Boris");
    expect(text).not.toContain("storageKey");
    expect(text).not.toContain("calendarToken");
    expect(data.inboundMessages).toEqual([
      expect.objectContaining({
        id: eml.slice("inbound/".length, -".eml".length),
        envelopeFrom: "amira@example.com",
        state: "received",
      }),
    ]);
    expect(text).not.toContain("messageKey");
    expect(text).not.toContain("tokenHash");
  });

  it("names zip entries safely", () => {
    const escaped = zipEntryName("../../etc/passwd");
    expect(escaped).not.toMatch(/^\.|[/\\]/);
    expect(escaped).toMatch(/etc_passwd$/);
    expect(zipEntryName("a\u0000b:c?.txt")).toBe("a_b_c_.txt");
    expect(zipEntryName("")).toBe("file");
    expect(zipEntryName("x".repeat(300))).toHaveLength(120);
  });
});

describe("delete", () => {
  it("removes every row, file and queued job of the user, and nothing of anyone else", async () => {
    const { user } = await fullAccount("Chloe");
    const other = await fullAccount("Dario");
    const before = await rowsOf(user.id);
    expect(before).toMatchObject({ audit_events: 1, two_factors: 1 });
    expect(Object.values(before).reduce((a, b) => a + b, 0)).toBeGreaterThan(12);
    expect(before.file_chunks).toBe(1);
    expect(before).toMatchObject({
      inbound_addresses: 1,
      inbound_messages: 1,
      inbound_raw_chunks: 1,
    });

    // Jobs as the web app queues them, for both users.
    const queued = async (userId: string) => {
      const ids = await queuedJobIdsOf(db, userId);
      const timerRows = await db.execute<{ id: string; due_at: string }>(
        sql`select id, due_at from timers where owner_id = ${userId} and status = 'pending'`,
      );
      await scheduleTimers(
        producer.enqueue,
        timerRows.map((t) => ({ id: t.id, dueAt: new Date(t.due_at) })),
      );
      const unsent = await db.execute<{ id: string; send_after: string }>(
        sql`select id, send_after from notifications where owner_id = ${userId} and state = 'pending'`,
      );
      await scheduleNotifications(
        producer.enqueue,
        unsent.map((n) => ({ id: n.id, sendAfter: new Date(n.send_after) })),
      );
      // One queued again under a fresh id (a retry, the reconciler).
      await scheduleNotifications(
        producer.enqueue,
        unsent.map((n) => ({ id: n.id, sendAfter: new Date(n.send_after) })),
        Date.now(),
        "again",
      );
      await producer.enqueue("welcome-email", { userId }, { jobId: `welcome-${userId}` });
      return ids;
    };
    const jobIds = await queued(user.id);
    const otherJobIds = await queued(other.user.id);

    // Finished jobs: both users' inbound emails filed by a worker (a record kept 24 hours).
    const inboundIds = async (userId: string) =>
      (
        await db.execute<{ id: string }>(
          sql`select id from inbound_messages where owner_id = ${userId}`,
        )
      ).map((row) => row.id);
    for (const userId of [user.id, other.user.id]) {
      await scheduleInboundFiling(producer.enqueue, await inboundIds(userId));
    }
    const inboundWorker = new Worker(queues.inbound, () => Promise.resolve("filed"), {
      connection: new Redis(inject("redisUrl"), { maxRetriesPerRequest: null }),
      prefix,
    });
    const inboundQueue = new Queue(queues.inbound, { connection: redis, prefix });
    await expect
      .poll(() => inboundQueue.getJobCounts("completed").then((c) => c.completed), {
        timeout: 10_000,
      })
      .toBe(2);
    await inboundWorker.close();
    await inboundQueue.close();

    // A pending password reset: better-auth's row holds the user id, with no foreign key.
    for (const userId of [user.id, other.user.id]) {
      await db.insert(verifications).values({
        id: `reset-${userId}`,
        identifier: `reset-password:${randomBytes(12).toString("hex")}`,
        value: userId,
        expiresAt: new Date(Date.now() + 3_600_000),
      });
    }
    const verificationsOf = async (userId: string) =>
      (
        await db.execute<{ n: number }>(
          sql`select count(*)::int as n from verifications where value = ${userId}`,
        )
      )[0]!.n;
    expect(await verificationsOf(user.id)).toBe(1);

    // The dev mailbox's emails of both (a reset link among them).
    const mailboxDir = await mkdtemp(join(tmpdir(), "cw-delete-mailbox-"));
    const mailer = createMailer({ from: "Caseward <no-reply@caseward.local>", mailboxDir });
    for (const userId of [user.id, other.user.id]) {
      await mailer.send({
        to: `${userId}@example.test`,
        subject: "Reset your Caseward password",
        text: "http://localhost:3000/api/auth/reset-password/abc",
        html: "<p>reset</p>",
        userId,
      });
    }

    // Every id that points to one of the user's rows, as Redis might hold it.
    const pointersOf = async (userId: string) => {
      const rows = await db.execute<{ id: string }>(sql`
        select id from timers where owner_id = ${userId}
        union all select id from notifications where owner_id = ${userId}
        union all select id from inbound_messages where owner_id = ${userId}`);
      return [userId, ...rows.map((row) => row.id)];
    };
    const pointers = await pointersOf(user.id);
    const otherPointers = await pointersOf(other.user.id);
    /** The ids found in any key or value under the test's prefix. */
    const inRedis = async (ids: string[]) => {
      const found = new Set<string>();
      for (const key of await redis.keys(`${prefix}:*`)) {
        const type = await redis.type(key);
        const values =
          type === "string"
            ? [(await redis.get(key)) ?? ""]
            : type === "hash"
              ? Object.entries(await redis.hgetall(key)).flat()
              : type === "list"
                ? await redis.lrange(key, 0, -1)
                : type === "set"
                  ? await redis.smembers(key)
                  : type === "zset"
                    ? await redis.zrange(key, 0, -1)
                    : type === "stream"
                      ? (await redis.xrange(key, "-", "+")).flatMap(([, fields]) => fields)
                      : [];
        const text = [key, ...values].join("\n");
        for (const id of ids) if (text.includes(id)) found.add(id);
      }
      return [...found];
    };
    expect((await inRedis(pointers)).length).toBeGreaterThan(0);
    const inQueues = async (ids: string[]) => {
      let found = 0;
      for (const name of Object.values(queues)) {
        const queue = new Queue(name, { connection: redis, prefix });
        for (const id of ids) if (await queue.getJob(id)) found++;
        await queue.close();
      }
      return found;
    };
    expect(await inQueues(jobIds)).toBe(jobIds.length);
    expect(jobIds.length).toBe(5); // welcome, two timers, the red-flag email, the inbound email

    // What the queues' event streams say about a user's jobs (their ids, in any event).
    const eventsNaming = async (ids: string[]) => {
      const names = ids.flatMap((id) => [id, `${id}-again`]);
      let found = 0;
      for (const name of Object.values(queues)) {
        const entries = await redis.xrange(`${prefix}:${name}:events`, "-", "+");
        found += entries.filter(([, fields]) => names.some((n) => fields.includes(n))).length;
      }
      return found;
    };
    expect(await eventsNaming(jobIds)).toBeGreaterThan(0);

    const result = await deleteAccount(db, user.id, { removeJobs: producer.remove, mailboxDir });
    // Welcome, two timers, the red-flag email under its two ids, the filed inbound email.
    expect(result).toEqual({ deleted: true, jobsRemoved: 6 });
    // Issue 18, finding 9: nothing in Redis, the verifications or the mailbox names the user.
    expect(await inRedis(pointers)).toEqual([]);
    expect((await inRedis(otherPointers)).sort()).toEqual([...otherPointers].sort());
    expect(await verificationsOf(user.id)).toBe(0);
    expect(await verificationsOf(other.user.id)).toBe(1);
    expect(await readdir(mailboxDir)).toEqual([other.user.id]);
    await rm(mailboxDir, { recursive: true, force: true });
    expect(await eventsNaming(jobIds)).toBe(0);
    expect(await eventsNaming(otherJobIds)).toBeGreaterThan(0);
    const after = await rowsOf(user.id);
    expect(Object.entries(after).filter(([, n]) => n > 0)).toEqual([]);
    expect(await inQueues(jobIds)).toBe(0);

    // The other user keeps everything.
    expect(await rowsOf(other.user.id)).toEqual(await rowsOf(other.user.id));
    expect(Object.values(await rowsOf(other.user.id)).reduce((a, b) => a + b, 0)).toBe(
      Object.values(before).reduce((a, b) => a + b, 0),
    );
    expect((await rowsOf(other.user.id)).file_chunks).toBe(1);
    expect(await inQueues(otherJobIds)).toBe(otherJobIds.length);
    expect(await inQueues(otherJobIds.map((id) => `${id}-again`))).toBe(1);
  });
});
