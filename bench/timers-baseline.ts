// The queue's floor beside the timer burst: as many jobs, taken by a bare BullMQ worker that
// does nothing.
import { jobRetention } from "@caseward/core/jobs";
import type { FaultStack } from "@caseward/services/fault-stack";
import { Queue, Worker } from "bullmq";

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
