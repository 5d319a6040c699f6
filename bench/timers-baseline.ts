// The floors beside the timer burst: as many jobs taken by a bare BullMQ worker that does
// nothing (the queue's), and the same emails sent by a bare nodemailer client (SMTP's).
import { jobRetention } from "@caseward/core/jobs";
import type { OutgoingEmail } from "@caseward/core/mail";
import type { FaultStack } from "@caseward/services/fault-stack";
import { Queue, Worker } from "bullmq";
import nodemailer from "nodemailer";

type Redis = FaultStack["redis"];

/**
 * `count` jobs with the producer's options and the workers' retention, taken by one bare
 * BullMQ worker that does nothing. Returns jobs per second from the worker's start to the last
 * completion.
 */
export async function noopBaseline(
  connection: Redis,
  prefix: string,
  count: number,
  concurrency: number,
) {
  const name = "noop";
  const queue = new Queue(name, { connection, prefix });
  const options = {
    attempts: 8,
    backoff: { type: "exponential", delay: 2_000 },
  };
  for (let i = 0; i < count; i += 1_000) {
    await queue.addBulk(
      Array.from({ length: Math.min(1_000, count - i) }, (_, j) => ({
        name,
        data: { timerId: `noop-${i + j}` },
        opts: { ...options, jobId: `noop-${i + j}` },
      })),
    );
  }
  let done = 0;
  let finish: () => void = () => undefined;
  const finished = new Promise<void>((resolve) => (finish = resolve));
  const started = performance.now();
  const worker = new Worker(name, () => Promise.resolve(), {
    connection,
    prefix,
    concurrency,
    ...jobRetention,
  });
  worker.on("completed", () => {
    if (++done === count) finish();
  });
  worker.on("error", () => undefined);
  await finished;
  const ms = performance.now() - started;
  await worker.close();
  await queue.close();
  return { count, ms, jobsPerSecond: count / (ms / 1000) };
}

/**
 * The email floor beside the burst: the same messages (composed before the clock starts) sent
 * to the same SMTP sink by a bare nodemailer client, pooled with as many connections as the
 * workers hold together and every message handed over at once. Nothing is claimed, rendered
 * or stamped: what SMTP alone costs here. Returns emails per second from the first hand-over
 * to the last message accepted.
 */
export async function nodemailerBaseline(
  smtpUrl: string,
  emails: readonly OutgoingEmail[],
  connections: number,
) {
  const url = new URL(smtpUrl);
  const transport = nodemailer.createTransport({
    pool: true,
    maxConnections: connections,
    maxMessages: Infinity,
    host: url.hostname,
    port: Number(url.port),
    secure: false,
    ignoreTLS: true,
  });
  // One message first: the connection is open before the clock starts, as the workers' are.
  const send = (email: OutgoingEmail, i: number) =>
    transport.sendMail({
      from: "Caseward <notifications@caseward.local>",
      to: email.to,
      subject: email.subject,
      text: email.text,
      html: email.html,
      textEncoding: "base64",
      messageId: `<floor-${i}@caseward.local>`,
    });
  await send(emails[0]!, -1);
  const started = performance.now();
  await Promise.all(emails.map(send));
  const ms = performance.now() - started;
  transport.close();
  return { count: emails.length, ms, emailsPerSecond: emails.length / (ms / 1000) };
}
