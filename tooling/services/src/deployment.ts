// How the web server and the worker run in production: `pnpm start`, the e2e servers and the
// bench start them alike.
import type { ChildProcess, StdioOptions } from "node:child_process";
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { join, resolve } from "node:path";

const root = resolve(import.meta.dirname, "../../..");
export const webDir = join(root, "apps/web");
export const workerDir = join(root, "apps/worker");
export const inboundDir = join(root, "apps/inbound");

/**
 * V8's young generation at 64 MB semi-spaces (16 MB by default). A request's answer is made of
 * many short-lived objects; with the default the scavenger took about an eighth of a dashboard
 * request's CPU. Measured on the case list under 50 connections: 2.33 → 2.07 ms of CPU per
 * request, p97.5 155 → 128 ms; the no-op route 1.00 → 0.90 ms. It costs memory only under load.
 */
export const webNodeOptions = "--max-semi-space-size=64";

/**
 * The worker's young generation, as the web server's: a burst of deadlines makes each email of
 * many short-lived strings and objects (rows, the message, its pieces), and with the default
 * (at most 16 MB) the scavenger ran every few emails. Node flags, not NODE_OPTIONS: the
 * worker's own arguments.
 */
export const workerNodeArgs = ["--max-semi-space-size=64"];

export interface RunOptions {
  stdio?: StdioOptions;
  /** Node flags (e.g. `--cpu-prof`, refused in NODE_OPTIONS). */
  nodeArgs?: string[];
}

/** Idle keep-alive connections are closed after this (`--keepAliveTimeout`, as `next start`'s). */
const webKeepAliveMs = 65_000;

/**
 * The production build on `port` with the web server's Node options: apps/web/server.mjs, which
 * is `next start` plus the build's scripts and styles in brotli (made by the build).
 */
export function runWeb(
  port: number,
  env: NodeJS.ProcessEnv,
  options: RunOptions = {},
): ChildProcess {
  const webEnv = {
    ...env,
    NODE_OPTIONS: [env.NODE_OPTIONS, webNodeOptions].filter(Boolean).join(" "),
  };
  // Idle connections are kept past a client's or proxy's pause (Node's default is 5 s): a
  // request sent on a kept connection just as the server closed it fails with ECONNRESET
  // (a browser test's API call after a few seconds of clicking did). Longer than the 60 s of
  // common load balancers, as they advise.
  const args = ["-p", String(port), "--keepAliveTimeout", String(webKeepAliveMs)];
  return spawn(process.execPath, [...(options.nodeArgs ?? []), "server.mjs", ...args], {
    cwd: webDir,
    env: webEnv,
    stdio: options.stdio ?? "inherit",
  });
}

/**
 * The worker as one node process, not the tsx wrapper (which may turn a SIGTERM into a kill):
 * SIGTERM drains it, and its pid is the worker's own.
 */
export function runWorker(env: NodeJS.ProcessEnv, stdio: StdioOptions = "inherit"): ChildProcess {
  return spawn(process.execPath, [...workerNodeArgs, "--import", "tsx", "src/index.ts"], {
    cwd: workerDir,
    env,
    stdio,
  });
}

/**
 * The inbound mail receiver (apps/inbound) as one node process, as the worker: SIGTERM lets
 * the SMTP sessions in progress finish.
 */
export function runInbound(env: NodeJS.ProcessEnv, stdio: StdioOptions = "inherit"): ChildProcess {
  return spawn(process.execPath, ["--import", "tsx", "src/index.ts"], {
    cwd: inboundDir,
    env,
    stdio,
  });
}

/** SIGTERM to each, SIGKILL to any still there after `graceMs`; resolves once all exited. */
export async function stopProcesses(children: ChildProcess[], graceMs = 10_000) {
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((done) => {
          if (child.exitCode !== null || child.signalCode !== null) return done();
          child.once("exit", () => done());
          child.kill("SIGTERM");
          setTimeout(() => child.kill("SIGKILL"), graceMs).unref();
        }),
    ),
  );
}

export interface DeploymentSettings {
  databaseUrl: string;
  redisUrl: string;
  /** Where the web app is reached: its first web process's port. */
  port: number;
  dataDir: string;
  queuePrefix: string;
  encryptionKeys: string;
  logLevel: string;
  /** Sign-up and sign-in throttling by client address (everyone comes from 127.0.0.1 here). */
  authRateLimit: "on" | "off";
}

/**
 * The env web and worker read (their `env.ts`), for a throwaway deployment of the tests or the
 * bench: production mode, a new auth secret, the worker's /health on any free port.
 */
export function deploymentEnv(settings: DeploymentSettings) {
  return {
    ...process.env,
    NODE_ENV: "production" as const,
    DATABASE_URL: settings.databaseUrl,
    REDIS_URL: settings.redisUrl,
    BETTER_AUTH_SECRET: randomBytes(32).toString("base64url"),
    ENCRYPTION_KEYS: settings.encryptionKeys,
    BASE_URL: `http://localhost:${settings.port}`,
    DATA_DIR: settings.dataDir,
    QUEUE_PREFIX: settings.queuePrefix,
    WORKER_HEALTH_PORT: "0",
    LOG_LEVEL: settings.logLevel,
    AUTH_RATE_LIMIT: settings.authRateLimit,
  };
}

export interface Deployment {
  /** The web processes, on `port`, `port + 1`, … */
  web: ChildProcess[];
  workers: ChildProcess[];
  /** Stops them all (SIGTERM, the workers drain). */
  stop(): Promise<void>;
}

/** `webProcesses` web servers on consecutive ports from `port` and `workers` workers, on one env. */
export function startDeployment(
  env: NodeJS.ProcessEnv,
  options: {
    port: number;
    webProcesses?: number;
    workers?: number;
    stdio?: StdioOptions;
    /** Node flags of the web servers (`--cpu-prof`). */
    webNodeArgs?: string[];
  },
): Deployment {
  const { port, webProcesses = 1, workers = 1, stdio } = options;
  const web = Array.from({ length: webProcesses }, (_, i) =>
    runWeb(port + i, env, { stdio, nodeArgs: options.webNodeArgs }),
  );
  const workerProcesses = Array.from({ length: workers }, () => runWorker(env, stdio));
  return {
    web,
    workers: workerProcesses,
    stop: () => stopProcesses([...web, ...workerProcesses]),
  };
}
