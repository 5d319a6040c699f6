import { createJobProducer } from "@caseward/core/jobs";
import { createMailer } from "@caseward/core/mail";
import "@caseward/core/testing";
import { createDatabase } from "@caseward/db/client";
import { users } from "@caseward/db/schema";
import { startSmtpSink } from "@caseward/services/smtp-sink";
import { Redis } from "ioredis";
import pino from "pino";
import { afterAll, describe, expect, inject, it } from "vitest";

import { startEmailWorker } from "./email";

// A real SMTP server in-process, real Redis, the run's real Postgres database.
const smtp = await startSmtpSink();
const received = smtp.mails;

const database = createDatabase(inject("databaseUrl"), { max: 3 });
const redis = new Redis(inject("redisUrl"), { maxRetriesPerRequest: null });
const prefix = inject("queuePrefix");
const mailer = createMailer({
  from: "Caseward <no-reply@caseward.local>",
  smtpUrl: smtp.url,
  mailboxDir: "/nonexistent",
});
const producer = createJobProducer(redis.duplicate(), prefix);
const worker = startEmailWorker(
  {
    db: database.db,
    mailer,
    enqueue: producer.enqueue,
    baseUrl: "http://localhost:3999",
    logger: pino({ level: "silent" }),
  },
  redis,
  { prefix, concurrency: 2 },
);

afterAll(async () => {
  await worker.close();
  await producer.close();
  mailer.close();
  await redis.quit();
  await database.close();
  await smtp.stop();
});

async function waitFor<T>(check: () => T | undefined, timeoutMs = 10_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const value = check();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("timed out");
}

describe("welcome email job", () => {
  it("sends one welcome email to the new user over SMTP, from an id-only payload", async () => {
    const id = `u${Date.now().toString(36)}`;
    await database.db.insert(users).values({ id, name: "Maya Chen", email: `${id}@example.test` });
    await producer.enqueue("welcome-email", { userId: id }, { jobId: `welcome-${id}` });
    // The same sign-up enqueued twice (a retry) is still one email.
    await producer.enqueue("welcome-email", { userId: id }, { jobId: `welcome-${id}` });

    const mail = await waitFor(() =>
      received.find((m) => m.to && JSON.stringify(m.to).includes(id)),
    );
    expect(mail.subject).toBe("Welcome to Caseward");
    expect(mail.text).toContain("Hello Maya Chen");
    expect(mail.text).toContain("http://localhost:3999");
    expect(mail.html).toContain("Open your dashboard");
    await new Promise((r) => setTimeout(r, 500));
    expect(received.filter((m) => JSON.stringify(m.to).includes(id))).toHaveLength(1);
  });

  it("refuses a payload that is not an id", async () => {
    await expect(producer.enqueue("welcome-email", { userId: "" })).rejects.toThrow();
  });
});
