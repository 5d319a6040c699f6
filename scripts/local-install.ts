// What the command-line tools (keys:rotate, files:migrate) share: the install's key ring and
// database, found as `pnpm start` keeps them under DATA_DIR unless the environment says.
import { join } from "node:path";

import { createDatabase } from "@caseward/db/client";
import { KeyRingError, keyRingText, parseKeyRing, useKeyRing } from "@caseward/db/encryption";
import { migrateDatabase } from "@caseward/db/migrate";
import { startEmbeddedPostgres } from "@caseward/services/postgres";

/** ENCRYPTION_KEYS, else DATA_DIR/encryption-keys; `fail` says what is wrong, never a key. */
export function useLocalKeyRing(dataDir: string, fail: (message: string) => never) {
  const text = keyRingText(dataDir);
  if (!text) fail("No key ring: set ENCRYPTION_KEYS, or start Caseward once with pnpm start.");
  try {
    useKeyRing(parseKeyRing(text!));
  } catch (error) {
    fail(error instanceof KeyRingError ? error.message : String(error));
  }
}

/**
 * DATABASE_URL, else the embedded PostgreSQL that `pnpm start` keeps under DATA_DIR (stop
 * `pnpm start` first: one server per data folder), migrated; `close` stops what it started.
 */
export async function openLocalDatabase(dataDir: string, log: (line: string) => void) {
  const database = process.env.DATABASE_URL
    ? { url: process.env.DATABASE_URL, stop: async () => {} }
    : await startEmbeddedPostgres({
        dir: join(dataDir, "postgres"),
        portFrom: 54329,
        database: "caseward",
        log,
      });
  const connection = createDatabase(database.url, { max: 2 });
  const close = async () => {
    await connection.close();
    await database.stop();
  };
  try {
    await migrateDatabase(database.url);
  } catch (error) {
    await close();
    throw error;
  }
  return { db: connection.db, close };
}
