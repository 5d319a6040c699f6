// The product as e2e tests see it: a fresh database for this run, the production build of the
// web app and a real worker. Stopped by Playwright with SIGTERM; the database is dropped then.
import type { ChildProcess } from "node:child_process";
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

import { createTestDatabase } from "@caseward/db/test-database";

import { testServices } from "../../../scripts/services.mjs";
import { webProcessEnv } from "../../../scripts/web-process.mjs";
import { deploymentFile } from "./deployment";

const port = process.env.E2E_PORT ?? "3210";
const services = await testServices(resolve(import.meta.dirname, "../../../.data"));
const database = await createTestDatabase(services.postgresServerUrl, "caseward_e2e");
const dataDir = mkdtempSync(join(tmpdir(), "caseward-e2e-"));

const env = {
  ...process.env,
  NODE_ENV: "production" as const,
  DATABASE_URL: database.url,
  REDIS_URL: services.redisUrl,
  BETTER_AUTH_SECRET: randomBytes(32).toString("base64url"),
  ENCRYPTION_KEYS: `e2e:${randomBytes(32).toString("base64")}`,
  BASE_URL: `http://localhost:${port}`,
  DATA_DIR: dataDir,
  QUEUE_PREFIX: `cwe2e${randomBytes(4).toString("hex")}`,
  WORKER_HEALTH_PORT: "0",
  // Everything the worker can log, so that e2e/personal-data.spec.ts scans all of it.
  LOG_LEVEL: "debug",
  // Every spec signs up its own people, all from 127.0.0.1 (the scaling deployment keeps it on).
  AUTH_RATE_LIMIT: process.env.E2E_AUTH_RATE_LIMIT ?? "off",
};
// The scaling deployment (docs/scaling.md): several web processes on consecutive ports and
// several workers, all on one database and one Redis, as behind a load balancer.
const webProcesses = Number(process.env.E2E_WEB_PROCESSES ?? 1);
const workerProcesses = Number(process.env.E2E_WORKERS ?? 1);

// What the processes print goes to the console as before and to one file, and where to find
// it (and this deployment's Redis keys) is written down for the specs that scan them.
const logFile = join(dataDir, "processes.log");
const log = createWriteStream(logFile);
writeFileSync(
  deploymentFile(port),
  JSON.stringify({ logFile, redisUrl: services.redisUrl, queuePrefix: env.QUEUE_PREFIX }),
);
const output = (child: ChildProcess) => {
  for (const [from, to] of [
    [child.stdout, process.stdout],
    [child.stderr, process.stderr],
  ] as const) {
    from?.on("data", (chunk: Buffer) => {
      to.write(chunk);
      log.write(chunk);
    });
  }
  return child;
};

const web = resolve(import.meta.dirname, "..");
const worker = resolve(web, "../worker");
const children = [
  ...Array.from({ length: webProcesses }, (_, i) =>
    output(
      spawn(join(web, "node_modules/.bin/next"), ["start", "-p", String(Number(port) + i)], {
        cwd: web,
        env: webProcessEnv(env),
        stdio: ["ignore", "pipe", "pipe"],
      }),
    ),
  ),
  // One process, as `pnpm start` runs it, so that SIGTERM drains the worker.
  ...Array.from({ length: workerProcesses }, () =>
    output(
      spawn(process.execPath, ["--import", "tsx", "src/index.ts"], {
        cwd: worker,
        env,
        stdio: ["ignore", "pipe", "pipe"],
      }),
    ),
  ),
];

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((done) => {
          if (child.exitCode !== null) return done();
          child.once("exit", () => done());
          child.kill("SIGTERM");
        }),
    ),
  );
  await database.drop();
  await services.stop();
  log.end();
  rmSync(deploymentFile(port), { force: true });
  rmSync(dataDir, { recursive: true, force: true });
  process.exit(0);
}
process.on("SIGTERM", () => void stop());
process.on("SIGINT", () => void stop());
for (const child of children)
  child.on("exit", (code) => {
    if (!stopping) {
      console.error(`e2e server: a process exited (${code})`);
      void stop();
    }
  });
