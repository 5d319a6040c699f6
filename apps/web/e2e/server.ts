// The product as e2e tests see it: a fresh database for this run, the production build of the
// web app, a real worker and the inbound mail receiver (SMTP on E2E_INBOUND_PORT, by default
// the web port + 2000). Stopped by Playwright with SIGTERM; the database is dropped then.
import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

import {
  deploymentEnv,
  runInbound,
  startDeployment,
  stopProcesses,
} from "@caseward/services/deployment";
import { createTestDatabase } from "@caseward/services/test-database";
import { testServices } from "@caseward/services/test-services";

import { deploymentFile } from "./deployment";

const port = Number(process.env.E2E_PORT ?? "3210");
const inboundPort = Number(process.env.E2E_INBOUND_PORT ?? port + 2000);
const services = await testServices(resolve(import.meta.dirname, "../../../.data"));
const database = await createTestDatabase(services.postgresServerUrl, "caseward_e2e");
const dataDir = mkdtempSync(join(tmpdir(), "caseward-e2e-"));

const env = deploymentEnv({
  databaseUrl: database.url,
  redisUrl: services.redisUrl,
  port,
  dataDir,
  queuePrefix: `cwe2e${randomBytes(4).toString("hex")}`,
  encryptionKeys: `e2e:${randomBytes(32).toString("base64")}`,
  // Everything the worker can log, so that e2e/personal-data.spec.ts scans all of it.
  logLevel: "debug",
  // Every spec signs up its own people, all from 127.0.0.1 (the scaling deployment keeps it on).
  authRateLimit: process.env.E2E_AUTH_RATE_LIMIT === "on" ? "on" : "off",
});

// What the processes print goes to the console as before and to one file, and where to find
// it (and this deployment's Redis keys) is written down for the specs that scan them.
const logFile = join(dataDir, "processes.log");
const log = createWriteStream(logFile);
writeFileSync(
  deploymentFile(port),
  JSON.stringify({
    logFile,
    redisUrl: services.redisUrl,
    queuePrefix: env.QUEUE_PREFIX,
    databaseUrl: database.url,
    encryptionKeys: env.ENCRYPTION_KEYS,
    inboundPort,
  }),
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
};

// The scaling deployment (docs/scaling.md): several web processes on consecutive ports and
// several workers, all on one database and one Redis, as behind a load balancer.
const deployment = startDeployment(env, {
  port,
  webProcesses: Number(process.env.E2E_WEB_PROCESSES ?? 1),
  workers: Number(process.env.E2E_WORKERS ?? 1),
  stdio: ["ignore", "pipe", "pipe"],
});
const inbound = runInbound(
  { ...env, INBOUND_SMTP_PORT: String(inboundPort), INBOUND_DOMAIN: "inbound.localhost" },
  ["ignore", "pipe", "pipe"],
);
const children = [...deployment.web, ...deployment.workers, inbound];
children.forEach(output);

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await Promise.all([deployment.stop(), stopProcesses([inbound])]);
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
