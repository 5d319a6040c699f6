// One of Caseward's own Node services (the worker, the inbound receiver) started as production
// starts it, as a child process that a test or the bench watches, signals and kills: its own
// process group, its output kept, the key ring of the test process passed on.
import { spawn } from "node:child_process";

import { stopOnExit } from "./exit-cleanup";

export interface AppProcessOptions {
  /** The app's folder (its `src/index.ts` is run). */
  cwd: string;
  databaseUrl: string;
  redisUrl: string;
  queuePrefix: string;
  /** The app's own variables (undefined ones are not set). */
  env: Record<string, string | undefined>;
  /** Node flags (e.g. `--cpu-prof`, refused in NODE_OPTIONS). */
  nodeArgs?: string[];
  /** How much of its output is kept (the last characters). */
  keepOutput: number;
}

export interface AppProcess {
  pid: number;
  /** Resolves when the process exited: code, signal, and when. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
  /** Signals the whole process group (the app and anything it started). */
  kill: (signal: NodeJS.Signals) => void;
  /** Signals the app's process only, as `docker stop` does. */
  signal: (signal: NodeJS.Signals) => void;
  /** What it wrote to stdout and stderr (the last `keepOutput` characters). */
  output: () => string;
  /** Calls `listener` after each piece of output (read it with `output()`). */
  onOutput: (listener: () => void) => void;
}

/**
 * Starts an app with `node --import tsx src/index.ts`. Not the `tsx` command: it relays a
 * SIGTERM and SIGKILLs its child when the child has not confirmed within ~60 ms, which a
 * loaded machine misses (a drain that never ran: 143).
 */
export function spawnApp(options: AppProcessOptions): AppProcess {
  const child = spawn(
    process.execPath,
    [...(options.nodeArgs ?? []), "--import", "tsx", "src/index.ts"],
    {
      cwd: options.cwd,
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
      env: {
        PATH: process.env.PATH ?? "/usr/bin:/bin",
        HOME: process.env.HOME ?? "/tmp",
        NODE_ENV: "production",
        DATABASE_URL: options.databaseUrl,
        // The test process's key ring (vitest.config.ts): both read the same encrypted rows.
        ENCRYPTION_KEYS: process.env.ENCRYPTION_KEYS,
        REDIS_URL: options.redisUrl,
        QUEUE_PREFIX: options.queuePrefix,
        ...Object.fromEntries(
          Object.entries(options.env).filter(([, value]) => value !== undefined),
        ),
      },
    },
  );
  const kill = (signal: NodeJS.Signals) => {
    if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
    try {
      // Negative pid: the group, so nothing the app started outlives a SIGKILL.
      process.kill(-child.pid, signal);
    } catch {
      // Already gone.
    }
  };
  stopOnExit(child, () => kill("SIGKILL"));
  let output = "";
  const listeners: (() => void)[] = [];
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-options.keepOutput);
    for (const listener of listeners) listener();
  };
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>(
    (resolve) => {
      child.once("exit", (code, signal) => resolve({ code, signal, at: Date.now() }));
      // Could not start at all (no tsx?): an exit of its own, with the reason in the output.
      child.once("error", (error) => {
        output += `\n${error.message}`;
        resolve({ code: -1, signal: null, at: Date.now() });
      });
    },
  );
  return {
    pid: child.pid!,
    exited,
    kill,
    signal: (signal) => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    },
    output: () => output,
    onOutput: (listener) => listeners.push(listener),
  };
}
