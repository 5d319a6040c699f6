// The real inbound mail receiver (apps/inbound) as a child process that a test or the bench
// talks SMTP to, signals and kills: its own process group, its output kept, its port read
// from its "listening" log line.
import { spawn } from "node:child_process";

import { inboundDir } from "./deployment";
import { stopOnExit } from "./exit-cleanup";

export interface InboundEnv {
  databaseUrl: string;
  redisUrl: string;
  queuePrefix: string;
  /** INBOUND_DOMAIN (default `inbound.localhost`). */
  domain?: string;
  /** Listen on this port (else a free one, read back from the log). */
  port?: number;
  maxBytes?: number;
  maxRecipients?: number;
  tlsKeyPath?: string;
  tlsCertPath?: string;
  /** Node flags (e.g. `--cpu-prof`, refused in NODE_OPTIONS). */
  nodeArgs?: string[];
}

export interface InboundProcess {
  pid: number;
  /** The port it listens on. */
  port: number;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Signals the whole process group. */
  kill(signal: NodeJS.Signals): void;
  /** What it wrote (the last 50 kB). */
  output(): string;
}

/** Starts the receiver and resolves once it listens (rejects if it exits or takes 60 s). */
export async function spawnInbound(env: InboundEnv): Promise<InboundProcess> {
  const child = spawn(
    process.execPath,
    [...(env.nodeArgs ?? []), "--import", "tsx", "src/index.ts"],
    {
      cwd: inboundDir,
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
        INBOUND_DOMAIN: env.domain ?? "inbound.localhost",
        INBOUND_SMTP_PORT: String(env.port ?? 0),
        ...(env.maxBytes ? { INBOUND_MAX_BYTES: String(env.maxBytes) } : {}),
        ...(env.maxRecipients ? { INBOUND_MAX_RECIPIENTS: String(env.maxRecipients) } : {}),
        ...(env.tlsKeyPath ? { INBOUND_TLS_KEY: env.tlsKeyPath } : {}),
        ...(env.tlsCertPath ? { INBOUND_TLS_CERT: env.tlsCertPath } : {}),
        LOG_LEVEL: "info",
      },
    },
  );
  const kill = (signal: NodeJS.Signals) => {
    if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
    try {
      process.kill(-child.pid, signal);
    } catch {
      // Already gone.
    }
  };
  stopOnExit(child, () => kill("SIGKILL"));
  let output = "";
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once("exit", (code, signal) => resolve({ code, signal }));
    child.once("error", (error) => {
      output += `\n${error.message}`;
      resolve({ code: -1, signal: null });
    });
  });
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => {
      kill("SIGKILL");
      reject(new Error(`The inbound receiver did not start within 60 s:\n${output}`));
    }, 60_000);
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-50_000);
      const listening = /"port":(\d+)[^\n]*"msg":"inbound receiver listening"/.exec(output);
      if (listening) {
        clearTimeout(timer);
        resolve(Number(listening[1]));
      }
    };
    child.stdout.on("data", keep);
    child.stderr.on("data", keep);
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`The inbound receiver exited before it listened:\n${output}`));
    });
  });
  return { pid: child.pid!, port, exited, kill, output: () => output };
}
