import { Writable } from "node:stream";

import { createJobProducer, queues } from "@caseward/core/jobs";
import { createMailer } from "@caseward/core/mail";
import { eq } from "@caseward/db";
import { createDatabase } from "@caseward/db/client";
import { users } from "@caseward/db/schema";
import { createTestUser } from "@caseward/core/testing";
import { startSmtpSink } from "@caseward/services/smtp-sink";
import { DelayedError, UnrecoverableError } from "bullmq";
import { Redis } from "ioredis";
import pino from "pino";
import { afterAll, describe, expect, inject, it } from "vitest";

import type { JobContext } from "../context";
import { startEmailWorker } from "./email";
import { withoutPersonalData } from "./job-error";

const address = "quentin.ravelstoke@example.test";

/** A mail-server error as nodemailer throws it: the reply quotes the recipient. */
function rejectedRecipient() {
  return Object.assign(
    new Error(`Can't send mail - all recipients were rejected: 550 <${address}> unknown user`),
    { code: "EENVELOPE", responseCode: 550 },
  );
}

describe("withoutPersonalData", () => {
  it.each([
    ["a rejected recipient", rejectedRecipient(), "Error", "Error (EENVELOPE, reply 550)"],
    [
      "a database error quoting a value",
      Object.assign(new Error(`Key (email)=(${address}) already exists.`), {
        name: "PostgresError",
        code: "23505",
      }),
      "PostgresError",
      "PostgresError (23505)",
    ],
    [
      "a code that is itself a value",
      Object.assign(new Error(address), { code: address }),
      "Error",
      "Error",
    ],
    ["a thrown string", address, "Error", "Error"],
  ])("%s keeps its kind and code only", (_, thrown, name, message) => {
    const redacted = withoutPersonalData(thrown);
    expect(redacted.name).toBe(name);
    expect(redacted.message).toBe(message);
    expect(redacted.stack).not.toContain("ravelstoke");
    expect(redacted.stack!.split("\n")[0]).toBe(`${name}: ${message}`);
  });

  it("keeps where it failed", () => {
    const redacted = withoutPersonalData(rejectedRecipient());
    expect(redacted.stack).toMatch(/\n\s+at .*job-error\.test\.ts/);
  });

  it("passes the queue's own control errors through and keeps an unrecoverable one unrecoverable", () => {
    const delayed = new DelayedError();
    expect(withoutPersonalData(delayed)).toBe(delayed);
    const unrecoverable = withoutPersonalData(new UnrecoverableError(`no such user ${address}`));
    expect(unrecoverable).toBeInstanceOf(UnrecoverableError);
    expect(unrecoverable.message).toBe("UnrecoverableError");
  });
});

describe("a failed email job", () => {
  const database = createDatabase(inject("databaseUrl"), { max: 2 });
  const redis = new Redis(inject("redisUrl"), { maxRetriesPerRequest: null });
  const prefix = `${inject("queuePrefix")}jerr`;
  const logLines: string[] = [];
  const logs = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logLines.push(chunk.toString());
      done();
    },
  });
  let close: () => Promise<void> = () => Promise.resolve();

  afterAll(async () => {
    await close();
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
    await database.close();
  });

  it("leaves neither the address nor the name in Redis or in the worker's log", async () => {
    // A mail server that refuses every recipient, quoting the address in its reply.
    const smtp = await startSmtpSink({ refuseRecipients: true });
    const mailer = createMailer({
      from: "Caseward <no-reply@caseward.local>",
      smtpUrl: smtp.url,
      mailboxDir: "/nonexistent",
    });
    const user = await createTestUser(database.db, "Quentin Ravelstoke");
    await database.db.update(users).set({ email: address }).where(eq(users.id, user.id));
    const producer = createJobProducer(redis.duplicate(), prefix);
    const ctx: JobContext = {
      db: database.db,
      mailer,
      enqueue: producer.enqueue,
      baseUrl: "http://localhost:3999",
      logger: pino({ level: "debug" }, logs),
    };
    const worker = startEmailWorker(ctx, redis, { prefix, concurrency: 1 });
    close = async () => {
      await worker.close();
      await producer.close();
      mailer.close();
      await smtp.stop();
    };
    const failed = new Promise<void>((resolve) => worker.worker.once("failed", () => resolve()));
    await producer.enqueue("welcome-email", { userId: user.id }, { jobId: `welcome-${user.id}` });
    await failed;

    const job = await redis.hgetall(`${prefix}:${queues.email}:welcome-${user.id}`);
    expect(job.failedReason).toBe("Error (EENVELOPE, reply 550)");
    expect(JSON.parse(job.data!)).toEqual({ userId: user.id });
    const everything = [...Object.values(job), ...logLines].join("\n");
    expect(everything).toContain("job failed");
    expect(everything).not.toContain(address);
    expect(everything).not.toContain("Ravelstoke");
  });
});
