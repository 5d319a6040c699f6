import { randomBytes } from "node:crypto";

import { createTestDatabase } from "@caseward/db/test-database";
import type { TestProject } from "vitest/node";

import "../../packages/core/src/testing/vitest-context";

const serverUrl =
  process.env.TEST_DATABASE_SERVER_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

export default async function setup(project: TestProject) {
  const database = await createTestDatabase(serverUrl);
  project.provide("databaseUrl", database.url);
  project.provide("redisUrl", process.env.REDIS_URL ?? "redis://127.0.0.1:6379");
  // Each run gets its own BullMQ prefix so runs never see each other's jobs.
  project.provide("queuePrefix", `cwtest${randomBytes(4).toString("hex")}`);
  return async () => {
    await database.drop();
  };
}
