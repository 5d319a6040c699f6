import { randomBytes } from "node:crypto";

import { migrateDatabase } from "@caseward/db/migrate";
import postgres from "postgres";

/**
 * A throwaway database on the given server, migrated, for one test run.
 * `drop()` removes it even while connections are still open.
 */
export async function createTestDatabase(serverUrl: string, prefix = "caseward_test") {
  const name = `${prefix}_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => undefined });
  await admin.unsafe(`create database "${name}"`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  await migrateDatabase(url.toString());
  return {
    name,
    url: url.toString(),
    drop: async () => {
      const sql = postgres(serverUrl, { max: 1, onnotice: () => undefined });
      await sql.unsafe(`drop database if exists "${name}" with (force)`);
      await sql.end();
    },
  };
}
