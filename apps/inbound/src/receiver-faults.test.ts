// The receiver when things fail around it: PostgreSQL stops (the sender is told 451 and its
// retry is stored once), and the receiver is SIGKILLed right after a 250 before it queued the
// filing (the worker's reconciler files the message anyway). Each scenario has a database of
// its own; the first an embedded PostgreSQL of its own too, to stop and start.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { getInboundAddress } from "@caseward/core";
import { inboundJobId, inboundOfJob, queues } from "@caseward/core/jobs";
import { createTestUser } from "@caseward/core/testing";
import { eq, sql } from "@caseward/db";
import { createDatabase } from "@caseward/db/client";
import { migrateDatabase } from "@caseward/db/migrate";
import { inboundMessages } from "@caseward/db/schema";
import { spawnInbound } from "@caseward/services/inbound-process";
import { startEmbeddedPostgres } from "@caseward/services/postgres";
import { connectRedis, deleteQueueKeys } from "@caseward/services/redis";
import { startSmtpSink } from "@caseward/services/smtp-sink";
import { createTestDatabase } from "@caseward/services/test-database";
import { waitFor } from "@caseward/services/wait-for";
import { spawnWorker, stopWorker } from "@caseward/services/worker-process";
import { Queue, Worker } from "bullmq";
import { describe, expect, inject, it } from "vitest";

import { deliver, message, rawSession } from "./testing/smtp";

const domain = "inbound.localhost";
const mail = (id: string) =>
  message(
    {
      From: "Rogers Support <help@rogers.com>",
      To: "me@example.com",
      Subject: "Your case",
      "Message-ID": `<${id}@rogers.com>`,
    },
    "We have received your request.",
  );

describe("the inbound receiver under faults", () => {
  it(
    "answers 451 while PostgreSQL is stopped, and stores the sender's retry once",
    { timeout: 180_000 },
    async () => {
      const postgres = await startEmbeddedPostgres();
      const cleanup: (() => Promise<unknown>)[] = [() => postgres.destroy()];
      try {
        await migrateDatabase(postgres.url);
        const connection = createDatabase(postgres.url, { max: 2 });
        cleanup.unshift(() => connection.close());
        const { db } = connection;
        const user = await createTestUser(db, "Rx Down");
        const { token } = await getInboundAddress(db, user.id);
        const to = `${token}@${domain}`;
        const receiver = await spawnInbound({
          databaseUrl: postgres.url,
          redisUrl: inject("redisUrl"),
          queuePrefix: `${inject("queuePrefix")}rxdown`,
          domain,
        });
        cleanup.unshift(async () => {
          receiver.kill("SIGKILL");
          await receiver.exited;
        });
        const raw = mail("down-7731");

        // A session that got its RCPT accepted, then PostgreSQL stops before its DATA ends.
        const session = await rawSession(receiver.port);
        await session.read();
        await session.write(`EHLO mx.example\r\nMAIL FROM:<a@example.net>\r\nRCPT TO:<${to}>\r\n`);
        expect((await session.read(3)).slice(1).map((line) => line.slice(0, 3))).toEqual([
          "250",
          "250",
        ]);
        await postgres.stop();
        await session.write("DATA\r\n");
        await session.read();
        await session.write(`${raw}.\r\n`);
        const [afterData] = await session.read(1, 60_000);
        expect(afterData).toBe(
          "451 4.3.0 The message could not be stored right now. Please send it again later.",
        );
        session.close();

        // A new delivery while it is down: refused at RCPT, temporarily.
        const atRcpt = await deliver(receiver.port, raw, to);
        expect(atRcpt.code).toBe(451);
        expect(atRcpt.response).toMatch(/^451 4\.3\.0 /);
        expect(await Promise.race([receiver.exited, Promise.resolve("running")])).toBe("running");

        await postgres.start();
        // The sending server retries until it gets its 250 (the receiver's pool may need a
        // moment to notice PostgreSQL is back).
        const answers: number[] = [];
        await waitFor(
          async () => {
            const answer = await deliver(receiver.port, raw, to);
            answers.push(answer.code);
            return answer.code === 250 ? true : undefined;
          },
          60_000,
          "a 250 once PostgreSQL is back",
        );
        expect(answers.every((code) => code === 250 || code === 451)).toBe(true);
        // And one more retry (the sender never saw that 250, say): still one message.
        expect((await deliver(receiver.port, raw, to)).code).toBe(250);
        const rows = await db
          .select({ id: inboundMessages.id })
          .from(inboundMessages)
          .where(eq(inboundMessages.ownerId, user.id));
        expect(rows).toHaveLength(1);
      } finally {
        for (const step of cleanup) await step().catch(() => undefined);
      }
    },
  );

  it(
    "files a message whose receiver was SIGKILLed right after the 250, and whose first filing job had failed (the reconciler queues it afresh)",
    { timeout: 180_000 },
    async () => {
      const server = new URL(inject("databaseUrl"));
      server.pathname = "/postgres";
      const database = await createTestDatabase(server.toString(), "caseward_rxkill");
      const connection = createDatabase(database.url, { max: 2 });
      const redis = connectRedis(inject("redisUrl"));
      const prefix = `${inject("queuePrefix")}rxkill`;
      const smtp = await startSmtpSink({ headersOnly: true });
      const dataDir = await mkdtemp(join(tmpdir(), "caseward-rxkill-"));
      const cleanup: (() => Promise<unknown>)[] = [
        () => rm(dataDir, { recursive: true, force: true }),
        () => smtp.stop(),
        () => deleteQueueKeys(redis, prefix).then(() => redis.quit()),
        () => database.drop(),
        () => connection.close(),
      ];
      try {
        const { db } = connection;
        const user = await createTestUser(db, "Rx Killed");
        const { token } = await getInboundAddress(db, user.id);
        // Its Redis is a port nothing listens on: the job can never be queued by the receiver,
        // as when it dies between its 250 and the queueing.
        const receiver = await spawnInbound({
          databaseUrl: database.url,
          redisUrl: "redis://127.0.0.1:9",
          queuePrefix: prefix,
          domain,
        });
        cleanup.unshift(async () => {
          receiver.kill("SIGKILL");
          await receiver.exited;
        });
        const answer = await deliver(receiver.port, mail("killed-7731"), `${token}@${domain}`);
        expect(answer.code).toBe(250);
        receiver.kill("SIGKILL");
        expect((await receiver.exited).signal).toBe("SIGKILL");

        const [row] = await db
          .select({ id: inboundMessages.id, state: inboundMessages.state })
          .from(inboundMessages)
          .where(eq(inboundMessages.ownerId, user.id));
        expect(row?.state).toBe("received");
        // The receiver died a minute ago: the reconciler leaves messages younger than its
        // grace period to their own job.
        await db.execute(
          sql`update inbound_messages set received_at = now() - interval '1 minute' where id = ${row!.id}`,
        );

        // Its first job ran out of attempts (PostgreSQL away, say): the failed job keeps the
        // id `inbound-<id>` for a week, and BullMQ adds nothing under it meanwhile.
        const inbound = new Queue(queues.inbound, { connection: redis, prefix });
        const byHand = new Worker(queues.inbound, null, { connection: redis, prefix });
        cleanup.unshift(() => Promise.all([inbound.close(), byHand.close()]));
        const firstJob = inboundJobId(row!.id);
        await inbound.add(
          "file-inbound",
          { inboundMessageId: row!.id },
          { jobId: firstJob, attempts: 1 },
        );
        const taken = await byHand.getNextJob("by-hand");
        if (!taken) throw new Error("no job to fail by hand");
        expect(taken.id).toBe(firstJob);
        await taken.moveToFailed(new Error("failed by hand"), "by-hand", false);
        await byHand.close();
        expect(await inbound.getJobState(firstJob)).toBe("failed");

        // A worker starts: its reconciler (run at once) queues the filing, a job files it.
        const worker = spawnWorker("rx-worker", {
          databaseUrl: database.url,
          redisUrl: inject("redisUrl"),
          queuePrefix: prefix,
          smtpUrl: smtp.url,
          dataDir,
          concurrency: 2,
        });
        cleanup.unshift(() => stopWorker(worker));
        const filed = await waitFor(
          async () => {
            const [now] = await db
              .select({ state: inboundMessages.state })
              .from(inboundMessages)
              .where(eq(inboundMessages.id, row!.id));
            return now?.state === "received" ? undefined : now?.state;
          },
          90_000,
          "the message filed by the worker",
        ).catch((error: Error) => {
          throw new Error(`${error.message}\n${worker.output()}`);
        });
        // Filed into a case or held in the Inbox: out of "received" either way.
        expect(["filed", "inbox"]).toContain(filed);
        // Under a fresh id; the failed job stays as it was.
        expect(await inbound.getJobState(firstJob)).toBe("failed");
        const ids = await inbound.getRanges(["completed", "active", "waiting"], 0, -1);
        expect(ids.filter((id) => inboundOfJob(id) === row!.id)).toEqual([
          expect.stringMatching(new RegExp(`^${firstJob}-r[a-z0-9]+$`)),
        ]);
      } finally {
        for (const step of cleanup) await step().catch(() => undefined);
      }
    },
  );
});
