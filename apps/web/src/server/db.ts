import "server-only";

import { createDatabase } from "@caseward/db/client";

import { env } from "~/env";

// One pool per server process, kept across hot reloads in development.
const globalForDb = globalThis as unknown as { caseward?: ReturnType<typeof createDatabase> };
const connection = (globalForDb.caseward ??= createDatabase(env.DATABASE_URL, { max: 10 }));

export const db = connection.db;
