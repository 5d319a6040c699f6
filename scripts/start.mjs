// `pnpm start`: install, start the local services a machine lacks, migrate, build, and run
// the web app and the worker. No configuration needed; every default can be overridden by env.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const dataDir = resolve(root, process.env.DATA_DIR ?? ".data");
const port = Number(process.env.PORT ?? 3000);
const pnpm =
  process.env.npm_execpath && /pnpm/.test(process.env.npm_execpath)
    ? process.env.npm_execpath
    : "pnpm";
const log = (line) => console.log(`[caseward] ${line}`);
const fail = (line) => {
  console.error(`[caseward] ${line}`);
  process.exit(1);
};

if (!Number.isInteger(port) || port < 1 || port > 65535)
  fail(`PORT must be a port number, not "${process.env.PORT}".`);
mkdirSync(dataDir, { recursive: true, mode: 0o700 });

function run(args, env = process.env, { mayFail = false } = {}) {
  const command = pnpm.endsWith(".js") || pnpm.endsWith(".cjs") ? process.execPath : pnpm;
  const fullArgs = command === process.execPath ? [pnpm, ...args] : args;
  const result = spawnSync(command, fullArgs, { cwd: root, stdio: "inherit", env });
  if (result.status !== 0 && !mayFail) fail(`"pnpm ${args.join(" ")}" failed.`);
}

// 1. Dependencies: pnpm keeps a copy of the lockfile it installed; reinstall when it changed.
const installed = join(root, "node_modules/.pnpm/lock.yaml");
if (
  !existsSync(installed) ||
  readFileSync(installed, "utf8") !== readFileSync(join(root, "pnpm-lock.yaml"), "utf8")
) {
  log("installing dependencies…");
  run(["install", "--frozen-lockfile"]);
}

// The local services and processes are TypeScript (tooling/services), loaded through tsx.
const { register } = await import("tsx/esm/api");
register();
const { startEmbeddedPostgres } = await import("@caseward/services/postgres");
const { localRedis } = await import("@caseward/services/redis");
const { runWeb, runWorker, runInbound, stopProcesses } =
  await import("@caseward/services/deployment");
const { installQueuePrefix } = await import("@caseward/services/install");
const stops = [];

// 1b. Local data is readable by this account only (issue 18): what this command and the
// processes it starts create from here on (umask), and what an older install left readable.
// As root the embedded PostgreSQL runs as `postgres`, which must pass through .data to its own
// folder: .data is then 711 (no listing), everything in it still owner-only.
const umaskBefore = process.umask(0o077);
const { makeOwnerOnly } = await import("@caseward/core/local-files");
const { removeMailFiledByAddress } = await import("@caseward/core/mail");
const asRootWithEmbeddedPostgres = process.getuid?.() === 0 && !process.env.DATABASE_URL;
const madeOwnerOnly = await makeOwnerOnly(dataDir, {
  topMode: asRootWithEmbeddedPostgres ? 0o711 : undefined,
});
if (madeOwnerOnly > 0) log(`made ${madeOwnerOnly} files and folders in ${dataDir} owner-only.`);
// Emails of the dev mailbox from before it filed them by account: no account can have them.
const looseMail = await removeMailFiledByAddress(join(dataDir, "mailbox"));
if (looseMail > 0) log(`removed ${looseMail} dev-mailbox files filed by address only.`);

// 2. A secret for sessions, made once and kept with the local data.
const secretsFile = join(dataDir, "secrets.json");
if (!existsSync(secretsFile)) {
  writeFileSync(
    secretsFile,
    JSON.stringify({ authSecret: randomBytes(32).toString("base64url") }),
    { mode: 0o600 },
  );
}
const secrets = JSON.parse(readFileSync(secretsFile, "utf8"));

// 2b. The key ring that encrypts notes, answers, transcripts and files at rest, made once and
// kept with the local data, readable by this user only (docs/security.md, Encryption at rest).
// Losing it loses the encrypted data: back it up apart from the database.
const keysFile = join(dataDir, "encryption-keys");
if (!process.env.ENCRYPTION_KEYS && !existsSync(keysFile)) {
  writeFileSync(keysFile, `k1:${randomBytes(32).toString("base64")}\n`, {
    mode: 0o600,
    flag: "wx",
  });
  log(`made an encryption key in ${keysFile}: back it up, the data cannot be read without it.`);
}
const encryptionKeys = process.env.ENCRYPTION_KEYS ?? readFileSync(keysFile, "utf8").trim();

// 3. PostgreSQL.
let databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  log("starting the embedded PostgreSQL…");
  // Its first start writes a password file to the temp folder for initdb, which runs as
  // `postgres` when this is root: that file must be readable by it, so the umask from before
  // holds while it starts (initdb makes its own folder 700 whatever the umask).
  process.umask(umaskBefore);
  const pg = await startEmbeddedPostgres({
    dir: join(dataDir, "postgres"),
    portFrom: 54329,
    database: "caseward",
    log,
  }).finally(() => process.umask(0o077));
  stops.push(pg.stop);
  databaseUrl = pg.url;
}

// 4. Redis: the one on the default port, else our own redis-server, else say what to do.
let redisUrl;
try {
  const redis = await localRedis(join(dataDir, "redis"), process.env.REDIS_URL);
  stops.push(redis.stop);
  redisUrl = redis.url;
} catch (error) {
  for (const stop of stops.reverse()) await stop();
  fail(error instanceof Error ? error.message : String(error));
}

const env = {
  ...process.env,
  NODE_ENV: "production",
  DATABASE_URL: databaseUrl,
  REDIS_URL: redisUrl,
  BETTER_AUTH_SECRET: process.env.BETTER_AUTH_SECRET ?? secrets.authSecret,
  ENCRYPTION_KEYS: encryptionKeys,
  BASE_URL: process.env.BASE_URL ?? `http://localhost:${port}`,
  DATA_DIR: dataDir,
  // This install's own namespace in Redis (queues, throttles, session copies): another install
  // on the same Redis (the machine's on 6379) never takes its jobs. docs/scaling.md.
  QUEUE_PREFIX: process.env.QUEUE_PREFIX ?? installQueuePrefix(dataDir),
  PORT: String(port),
  WORKER_HEALTH_PORT: process.env.WORKER_HEALTH_PORT ?? String(port + 101),
  // The inbound mail receiver: users' private addresses are <token>@inbound.localhost here.
  INBOUND_SMTP_PORT: process.env.INBOUND_SMTP_PORT ?? "2525",
  INBOUND_DOMAIN: process.env.INBOUND_DOMAIN ?? "inbound.localhost",
};

// 5. Schema, then a production build (turbo skips it when nothing changed).
log("migrating the database…");
// The SQL migrations, then what an upgrade leaves in the clear is encrypted (needs the key ring).
run(["db:migrate"], env);
// Files of an install from before they lived in PostgreSQL move in once (pnpm files:migrate);
// one it could not move is reported and the app starts anyway.
const uploadDir = resolve(process.env.UPLOAD_DIR ?? join(dataDir, "uploads"));
if (existsSync(uploadDir) && readdirSync(uploadDir).length > 0) {
  log(`moving the uploaded files in ${uploadDir} into the database…`);
  run(["files:migrate"], env, { mayFail: true });
}
log("building…");
run(["exec", "turbo", "run", "build", "--filter=@caseward/web", "--output-logs=errors-only"], env);

// 6. Web, worker and the inbound mail receiver, spawned directly (not through pnpm) so that
// signals reach them; Ctrl-C stops everything this command started.
const children = [runWeb(port, env), runWorker(env), runInbound(env)];
let stopping = false;
async function stopAll(code) {
  if (stopping) return;
  stopping = true;
  log("stopping…");
  await stopProcesses(children);
  for (const stop of stops.reverse()) await stop();
  process.exit(code);
}
process.on("SIGINT", () => void stopAll(0));
process.on("SIGTERM", () => void stopAll(0));
for (const child of children)
  child.on("exit", (code) => {
    if (!stopping) {
      log("a process stopped; shutting down.");
      void stopAll(code ?? 1);
    }
  });

for (let i = 0; i < 120 && !stopping; i++) {
  try {
    const response = await fetch(`http://localhost:${port}/api/health`);
    if (response.ok) {
      log(`Caseward is running at http://localhost:${port}  (Ctrl-C to stop)`);
      break;
    }
  } catch {
    // not listening yet
  }
  await new Promise((r) => setTimeout(r, 500));
}
