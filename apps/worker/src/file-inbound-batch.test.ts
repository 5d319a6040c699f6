// The receiver's batch of received emails filed by one job: each filed once, however often the
// job runs; a missing email does not stop the others. Real Postgres (the run's test database).
import { getInboundAddress, storeInboundMessage } from "@caseward/core";
import {
  createJobProducer,
  inboundBatchMax,
  inboundJobId,
  queues,
  scheduleInboundFilingAtOnce,
} from "@caseward/core/jobs";
import { createTestUser } from "@caseward/core/testing";
import { inArray, sql } from "@caseward/db";
import { createDatabase } from "@caseward/db/client";
import { inboundMessages } from "@caseward/db/schema";
import { connectRedis, deleteQueueKeys } from "@caseward/services/redis";
import { Queue } from "bullmq";
import pino from "pino";
import { afterAll, describe, expect, inject, it } from "vitest";

import { fileInboundBatchJob } from "./jobs/file-inbound";
import { reconcileJob } from "./jobs/reconcile";

const connection = createDatabase(inject("databaseUrl"), { max: 3 });
const { db } = connection;
afterAll(() => connection.close());

const jobContext = {
  db,
  mailer: {} as never,
  enqueue: () => Promise.resolve(),
  baseUrl: "http://localhost:3999",
  logger: pino({ level: "silent" }),
  inboundDomain: "inbound.localhost",
};

const mail = (n: number) =>
  new TextEncoder().encode(
    [
      `Message-ID: <batch-${n}-${Date.now()}@rogers.com>`,
      "From: Rogers Support <help@rogers.com>",
      "To: me@example.com",
      `Subject: Your case ${n}`,
      "",
      "We have received your request.",
      "",
    ].join("\r\n"),
  );

describe("file-inbound-batch", () => {
  it("files each email of the batch once, however often the job runs", async () => {
    const ids: string[] = [];
    for (const name of ["Bea Batch", "Cal Batch"]) {
      const user = await createTestUser(db, name);
      const address = await getInboundAddress(db, user.id);
      for (let n = 0; n < 2; n++) {
        const { id } = await storeInboundMessage(db, {
          ownerId: user.id,
          addressId: address.id,
          caseId: null,
          envelopeFrom: "help@rogers.com",
          messageId: null,
          raw: mail(n),
        });
        ids.push(id);
      }
    }
    // One email deleted with its account meanwhile: nothing to file, the rest still are.
    const batch = [...ids, crypto.randomUUID()];
    expect(await fileInboundBatchJob(jobContext, { inboundMessageIds: batch })).toEqual({
      filed: 4,
      already: 0,
      gone: 1,
    });
    const states = await db
      .select({ state: inboundMessages.state })
      .from(inboundMessages)
      .where(inArray(inboundMessages.id, ids));
    expect(states.map((s) => s.state).sort()).toEqual(["inbox", "inbox", "inbox", "inbox"]);
    // Run again (a retry after a crash): nothing filed twice.
    expect(await fileInboundBatchJob(jobContext, { inboundMessageIds: batch })).toEqual({
      filed: 0,
      already: 4,
      gone: 1,
    });
  });

  it("is queued as one job per batch, or the plain job for an email alone", async () => {
    const queued: { name: string; jobs: { payload: unknown; jobId: string }[] }[] = [];
    const enqueueMany = (name: string, jobs: { payload: unknown; jobId: string }[]) => {
      queued.push({ name, jobs });
      return Promise.resolve();
    };
    const ids = Array.from({ length: inboundBatchMax + 2 }, () => crypto.randomUUID());
    await scheduleInboundFilingAtOnce(enqueueMany, ids.slice(0, 1));
    await scheduleInboundFilingAtOnce(enqueueMany, ids);
    expect(queued).toEqual([
      {
        name: "file-inbound",
        jobs: [{ payload: { inboundMessageId: ids[0] }, jobId: `inbound-${ids[0]}` }],
      },
      {
        name: "file-inbound-batch",
        jobs: [
          {
            payload: { inboundMessageIds: ids.slice(0, inboundBatchMax) },
            jobId: `inbound-batch-${ids[0]}`,
            removeOnComplete: true,
          },
          {
            payload: { inboundMessageIds: ids.slice(inboundBatchMax) },
            jobId: `inbound-batch-${ids[inboundBatchMax]}`,
            removeOnComplete: true,
          },
        ],
      },
    ]);
  });

  it("goes when an account whose email it holds is deleted, and no event names it", async () => {
    const redis = connectRedis(inject("redisUrl"));
    const prefix = `${inject("queuePrefix")}inbatch`;
    const producer = createJobProducer(redis, prefix);
    const queue = new Queue(queues.inbound, { connection: redis, prefix });
    try {
      const [gone, stays, alone] = [crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID()];
      await scheduleInboundFilingAtOnce(producer.enqueueMany, [stays, gone]);
      await scheduleInboundFilingAtOnce(producer.enqueueMany, [alone, stays]);
      const jobs = await queue.getRanges(["waiting"], 0, -1);
      expect(jobs.sort()).toEqual([`inbound-batch-${alone}`, `inbound-batch-${stays}`].sort());
      // The deleted account's job ids, as `queuedJobIdsOf` gives them: one per email.
      expect(await producer.remove([inboundJobId(gone)])).toBe(1);
      expect(await queue.getRanges(["waiting"], 0, -1)).toEqual([`inbound-batch-${alone}`]);
      const events = await redis.xrange(`${prefix}:${queues.inbound}:events`, "-", "+");
      expect(events.filter(([, fields]) => fields.join(" ").includes(stays))).toEqual([]);
    } finally {
      await queue.close();
      await producer.close();
      await deleteQueueKeys(redis, prefix);
      await redis.quit();
    }
  });

  it("is left be by the reconciler while it waits; an email in none is queued again", async () => {
    const user = await createTestUser(db, "Dot Batch");
    const address = await getInboundAddress(db, user.id);
    const [held, lost] = await Promise.all(
      [7, 8].map(async (n) => {
        const { id } = await storeInboundMessage(db, {
          ownerId: user.id,
          addressId: address.id,
          caseId: null,
          envelopeFrom: "help@rogers.com",
          messageId: null,
          raw: mail(n),
        });
        return id;
      }),
    );
    await db.execute(
      sql`update inbound_messages set received_at = now() - interval '5 minutes'
          where id in (${held!}, ${lost!})`,
    );
    const queued: string[] = [];
    await reconcileJob({
      ...jobContext,
      enqueue: (name, payload, options) => {
        if (name === "file-inbound") queued.push(options!.jobId!);
        return Promise.resolve();
      },
      liveJobIds: () => Promise.resolve([`inbound-batch-${crypto.randomUUID()}`]),
      liveInboundBatchMembers: () => Promise.resolve([held!]),
    });
    expect(queued.filter((id) => id.includes(held!))).toEqual([]);
    expect(queued.filter((id) => id.includes(lost!))).toEqual([
      expect.stringMatching(new RegExp(`^inbound-${lost!}-r[a-z0-9]+$`)),
    ]);
  });
});
