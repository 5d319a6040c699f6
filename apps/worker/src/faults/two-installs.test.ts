// One namespace per install (issue 16): two installs started by `pnpm start` on one Redis (the
// machine's on 6379), each with its own database and data folder, take only their own jobs.
// Before, both used the prefix "caseward" and one's worker took the other's welcome jobs
// ("skipped: user gone").
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { createJobProducer, queues } from "@caseward/core/jobs";
import { createTestUser } from "@caseward/core/testing";
import { installQueuePrefix } from "@caseward/services/install";
import { Queue } from "bullmq";
import { afterAll, describe, expect, it } from "vitest";

import { useFaultStack } from "./fault-stack";

const dirs = await Promise.all([1, 2].map(() => mkdtemp(join(tmpdir(), "caseward-install-"))));
afterAll(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));
// Two installs: a database, an SMTP server and a data folder each, one Redis for both.
const installs = await Promise.all([useFaultStack("installa"), useFaultStack("installb")]);
const welcomes = 8;

describe("two installs on one Redis", () => {
  it("each install's prefix is its own, and kept", async () => {
    const [a, b] = dirs.map((dir) => installQueuePrefix(dir)) as [string, string];
    expect(a).not.toBe(b);
    expect(a).toMatch(/^caseward-[a-z0-9]{12}$/);
    // Made once: the next start reads the same.
    expect(dirs.map((dir) => installQueuePrefix(dir))).toEqual([a, b]);
    expect((await readFile(join(dirs[0]!, "install-id"), "utf8")).trim()).toBe(a.slice(9));
    // Neither install's keys (`<prefix>:…`) fall under the other's (the workers below start
    // with them: the env accepts both).
    expect(`${a}:`.startsWith(`${b}:`) || `${b}:`.startsWith(`${a}:`)).toBe(false);
  });

  it(
    "each install's worker sends its own welcome emails only, none skipped",
    { timeout: 120_000 },
    async () => {
      const prefixes = dirs.map((dir) => installQueuePrefix(dir));
      const sides = await Promise.all(
        installs.map(async (install, i) => {
          const prefix = prefixes[i]!;
          const users = await Promise.all(
            Array.from({ length: welcomes }, (_, n) => createTestUser(install.db, `Person ${n}`)),
          );
          return { install, prefix, users };
        }),
      );
      // Both workers listen before any job is queued: each could take the other's if it saw them.
      for (const { install, prefix } of sides) install.startWorker("worker", { prefix });
      await Promise.all(sides.map(({ install, prefix }) => install.waitForWorkers(1, prefix)));
      for (const { install, prefix, users } of sides) {
        const producer = createJobProducer(install.redis, prefix);
        for (const user of users)
          await producer.enqueue(
            "welcome-email",
            { userId: user.id },
            { jobId: `welcome-${user.id}` },
          );
        await producer.close();
      }

      for (const { install, prefix, users } of sides) {
        const email = new Queue(queues.email, { connection: install.redis, prefix });
        const expected = users.map((user) => `<welcome-${user.id}@caseward.local>`).sort();
        const deadline = Date.now() + 60_000;
        while (install.smtp.deliveries.length < welcomes && Date.now() < deadline)
          await new Promise((resolve) => setTimeout(resolve, 200));
        // This install's SMTP server got its own users' emails, each once, and nothing else.
        expect(install.smtp.deliveries.map((d) => d.messageId).sort()).toEqual(expected);
        const done = await email.getJobs(["completed"]);
        expect(done).toHaveLength(welcomes);
        for (const job of done)
          expect(job.returnvalue, `job ${job.id} under ${prefix}`).toHaveProperty("messageId");
        await email.close();
      }
    },
  );
});
