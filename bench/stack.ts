// The product as the api and memory benches see it: the production build of the web app
// (apps/web/server.mjs) and one real worker process, on a throwaway database and queue prefix, as
// apps/web/e2e/server.ts starts them.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdtemp, readdir, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

import { deploymentEnv, startDeployment, webDir } from "@caseward/services/deployment";
import { createTestDatabase } from "@caseward/services/test-database";
import { waitFor } from "@caseward/services/wait-for";

import { benchKeyRing } from "./seed-keys";

const root = resolve(import.meta.dirname, "..");

/** Newest modification time of the files under `dir` (node_modules and .next aside). */
async function newest(dir: string): Promise<number> {
  let latest = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name === ".next") continue;
    const path = join(dir, entry.name);
    latest = Math.max(
      latest,
      entry.isDirectory() ? await newest(path) : (await stat(path)).mtimeMs,
    );
  }
  return latest;
}

/** The build's brotli copies (apps/web/scripts/compress-static.mjs): only the missing ones. */
async function compressStatic() {
  const child = spawn(process.execPath, ["scripts/compress-static.mjs"], {
    cwd: webDir,
    stdio: ["ignore", "ignore", "inherit"],
  });
  const code = await new Promise<number | null>((done) => child.once("exit", done));
  if (code !== 0) throw new Error(`compress-static failed (${code})`);
}

/**
 * `next build` of apps/web, unless the build is newer than every source it is made of, and its
 * brotli copies (as the package's build script).
 */
export async function ensureWebBuild() {
  const built = await stat(join(webDir, ".next/BUILD_ID")).then(
    (s) => s.mtimeMs,
    () => 0,
  );
  const sources = Math.max(
    ...(await Promise.all(
      [
        "apps/web/src",
        "packages/auth/src",
        "packages/core/src",
        "packages/db/src",
        "packages/ui/src",
      ].map((dir) => newest(join(root, dir))),
    )),
  );
  if (built > sources) {
    await compressStatic();
    return { built: false, ms: 0 };
  }
  const log = join(tmpdir(), `caseward-bench-build-${Date.now()}.log`);
  console.log(`Building the web app (next build, log in ${log})…`);
  const started = performance.now();
  const child = spawn(join(webDir, "node_modules/.bin/next"), ["build"], {
    cwd: webDir,
    env: { ...process.env, SKIP_ENV_VALIDATION: "1", NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const out = createWriteStream(log);
  child.stdout.pipe(out);
  child.stderr.pipe(out);
  const code = await new Promise<number | null>((done) => child.once("exit", done));
  if (code !== 0) throw new Error(`next build failed (${code}), see ${log}`);
  await compressStatic();
  return { built: true, ms: Math.round(performance.now() - started) };
}

export interface Stack {
  baseUrl: string;
  databaseUrl: string;
  queuePrefix: string;
  workerPid: number;
  /** The web server's process (apps/web/server.mjs; its children count with it). */
  webPid: number;
  stop(): Promise<void>;
}

export async function startStack(options: {
  serverUrl: string;
  redisUrl: string;
  port: number;
  /** A database seeded before (`pnpm seed:bench`): used as it is and kept; else a new one. */
  databaseUrl?: string;
  /** Node flags for the web server (`--cpu-prof`): `node <flags> server.mjs`. */
  webNodeArgs?: string[];
}): Promise<Stack> {
  const database = options.databaseUrl
    ? { url: options.databaseUrl, drop: () => Promise.resolve() }
    : await createTestDatabase(options.serverUrl, "caseward_bench_api");
  const dataDir = await mkdtemp(join(tmpdir(), "caseward-bench-api-"));
  const baseUrl = `http://localhost:${options.port}`;
  const queuePrefix = `cwbenchapi${randomBytes(4).toString("hex")}`;
  const env = {
    ...deploymentEnv({
      databaseUrl: database.url,
      redisUrl: options.redisUrl,
      port: options.port,
      dataDir,
      queuePrefix,
      encryptionKeys: benchKeyRing(),
      logLevel: "warn",
      // One sign-up per run, but never refused for coming from 127.0.0.1 again.
      authRateLimit: "off",
    }),
    NEXT_TELEMETRY_DISABLED: "1",
  };
  const deployment = startDeployment(env, {
    port: options.port,
    stdio: ["ignore", "ignore", "inherit"],
    webNodeArgs: options.webNodeArgs,
  });
  const stop = async () => {
    await deployment.stop();
    await database.drop();
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    await waitFor(
      () =>
        fetch(`${baseUrl}/api/ping`).then(
          (response) => (response.ok ? true : undefined),
          () => undefined,
        ),
      60_000,
      `next start on ${baseUrl}`,
      200,
    );
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    baseUrl,
    databaseUrl: database.url,
    queuePrefix,
    // The worker is one node process (no tsx wrapper): its pid is the one whose memory we read.
    workerPid: deployment.workers[0]!.pid!,
    webPid: deployment.web[0]!.pid!,
    stop,
  };
}

/** Signs a new person up through better-auth's HTTP API: their id and session cookie. */
export async function signUp(baseUrl: string) {
  const suffix = randomBytes(4).toString("hex");
  const response = await fetch(`${baseUrl}/api/auth/sign-up/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: baseUrl },
    body: JSON.stringify({
      name: "Bench Typical",
      email: `bench-typical-${suffix}@example.test`,
      password: `bench-${randomBytes(12).toString("hex")}`,
    }),
  });
  if (!response.ok) throw new Error(`sign-up answered ${response.status}`);
  const body = (await response.json()) as { user: { id: string } };
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  return { userId: body.user.id, cookie };
}

/** Resident set size of a process in MB, from /proc (Linux). */
export async function rssMb(pid: number) {
  const { readFile } = await import("node:fs/promises");
  const status = await readFile(`/proc/${pid}/status`, "utf8");
  const kb = Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? NaN);
  return Math.round((kb / 1024) * 10) / 10;
}
