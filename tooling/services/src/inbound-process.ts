// The real inbound mail receiver (apps/inbound) as a child process that a test or the bench
// talks SMTP to, signals and kills (app-process.ts), its port read from its "listening" log line.
import { spawnApp } from "./app-process";
import { inboundDir } from "./deployment";

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
  /** More of the receiver's variables (INBOUND_PROCESSES, INBOUND_COMMITS_IN_FLIGHT…). */
  env?: Record<string, string | undefined>;
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
  const app = spawnApp({
    cwd: inboundDir,
    databaseUrl: env.databaseUrl,
    redisUrl: env.redisUrl,
    queuePrefix: env.queuePrefix,
    nodeArgs: env.nodeArgs,
    keepOutput: 50_000,
    env: {
      INBOUND_DOMAIN: env.domain ?? "inbound.localhost",
      INBOUND_SMTP_PORT: String(env.port ?? 0),
      INBOUND_MAX_BYTES: env.maxBytes ? String(env.maxBytes) : undefined,
      INBOUND_MAX_RECIPIENTS: env.maxRecipients ? String(env.maxRecipients) : undefined,
      INBOUND_TLS_KEY: env.tlsKeyPath,
      INBOUND_TLS_CERT: env.tlsCertPath,
      LOG_LEVEL: "info",
      ...env.env,
    },
  });
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => {
      app.kill("SIGKILL");
      reject(new Error(`The inbound receiver did not start within 60 s:\n${app.output()}`));
    }, 60_000);
    app.onOutput(() => {
      const listening = /"port":(\d+)[^\n]*"msg":"inbound receiver listening"/.exec(app.output());
      if (listening) {
        clearTimeout(timer);
        resolve(Number(listening[1]));
      }
    });
    void app.exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`The inbound receiver exited before it listened:\n${app.output()}`));
    });
  });
  return { pid: app.pid, port, exited: app.exited, kill: app.kill, output: app.output };
}
