// Redis for the tests and `pnpm start`: the machine's when it answers, else a redis-server of our
// own; and a private one on a free port for a test that may FLUSHALL it.
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync } from "node:fs";

import { Cluster, Redis } from "ioredis";

import { stopOnExit } from "./exit-cleanup";
import { firstFreePort, freePort, portAnswers } from "./ports";
import { waitFor } from "./wait-for";

/** True when something answers PING with +PONG on the loopback port. */
export function redisAnswers(port: number, timeoutMs = 800) {
  return portAnswers(port, { ping: "PING\r\n", expect: "+PONG", timeoutMs });
}

export interface OwnRedis {
  url: string;
  stop(): Promise<void>;
}

export const redisMissing =
  "Redis is needed: install it (Debian/Ubuntu: sudo apt-get install -y redis-server; macOS: brew install redis) or set REDIS_URL.";

/**
 * A redis-server from PATH on a loopback port (the first free one from `portFrom`, else any):
 * with `dir`, its data kept there in an append-only file; else without persistence, for a test
 * that may FLUSHALL it (never the machine's shared Redis).
 */
export async function startRedisServer(
  options: { dir?: string; portFrom?: number } = {},
): Promise<OwnRedis> {
  const installed = spawnSync("redis-server", ["--version"], { stdio: "ignore" });
  if (installed.error || installed.status !== 0) throw new Error(redisMissing);
  const port = options.portFrom ? await firstFreePort(options.portFrom) : await freePort();
  const persistence = options.dir
    ? ["--dir", options.dir, "--appendonly", "yes"]
    : ["--appendonly", "no"];
  if (options.dir) mkdirSync(options.dir, { recursive: true });
  const child = spawn(
    "redis-server",
    ["--port", String(port), "--bind", "127.0.0.1", "--save", "", ...persistence],
    { stdio: "ignore" },
  );
  stopOnExit(child, () => child.kill("SIGTERM"));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  try {
    await waitFor(
      async () => ((await redisAnswers(port, 500)) ? true : undefined),
      10_000,
      `redis-server on ${port}`,
    );
  } catch (error) {
    child.kill("SIGKILL");
    throw error;
  }
  return {
    url: `redis://127.0.0.1:${port}`,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}

/** `url` when set, else the Redis on 127.0.0.1:6379, else a redis-server of our own in `dir`. */
export async function localRedis(dir: string, url?: string): Promise<OwnRedis> {
  if (url) return { url, stop: () => Promise.resolve() };
  if (await redisAnswers(6379))
    return { url: "redis://127.0.0.1:6379", stop: () => Promise.resolve() };
  return startRedisServer({ dir, portFrom: 6390 });
}

/** A Redis connection as the worker makes it (BullMQ workers need `maxRetriesPerRequest: null`). */
export function connectRedis(url: string) {
  const connection = new Redis(url, { maxRetriesPerRequest: null });
  connection.on("error", () => undefined);
  return connection;
}

/**
 * A connection to a Redis Cluster from its `host:port,…` list, as the worker makes it (the app's
 * own is `connectRedis` in @caseward/core/redis, which tooling does not depend on).
 */
export function connectRedisCluster(nodeList: string) {
  const connection = new Cluster(
    nodeList.split(",").map((entry) => {
      const [host, port] = entry.split(":");
      return { host: host!, port: Number(port) };
    }),
    {
      maxRedirections: 50,
      retryDelayOnFailover: 200,
      retryDelayOnClusterDown: 200,
      redisOptions: { maxRetriesPerRequest: null },
    },
  );
  connection.on("error", () => undefined);
  return connection;
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
