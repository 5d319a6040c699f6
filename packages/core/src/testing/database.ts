import "@caseward/services/vitest-context";

import { randomUUID } from "node:crypto";

import { createDatabase } from "@caseward/db/client";
import type { Database } from "@caseward/db";
import { users } from "@caseward/db/schema";
import { afterAll, inject } from "vitest";

/** The run's throwaway database (made by the global setup), closed after the file's tests. */
export function useTestDatabase(): Database {
  const connection = createDatabase(inject("databaseUrl"), { max: 4 });
  afterAll(() => connection.close());
  return connection.db;
}

/**
 * A user row as the auth library would create it, its address confirmed (emails go only to a
 * confirmed one); tests get a fresh one each time.
 */
export async function createTestUser(
  db: Database,
  name = "Test User",
  options: { emailVerified?: boolean } = {},
) {
  const id = randomUUID().replaceAll("-", "");
  // Letters only in the address: a random run of digits can pass for a SIN or a card number
  // (nine digits with a valid check digit), and the no-full-secret scans read addresses.
  const local = id.replace(/[0-9]/g, (digit) => "ghijklmnop"[Number(digit)]!);
  const [user] = await db
    .insert(users)
    .values({
      id,
      name,
      email: `${local}@example.test`,
      emailVerified: options.emailVerified ?? true,
    })
    .returning();
  return user!;
}
