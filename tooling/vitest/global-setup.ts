import { randomBytes } from "node:crypto";
import { fileURLToPath } from "node:url";

import { createTestDatabase } from "@caseward/services/test-database";
import { testServices } from "@caseward/services/test-services";
import type { TestProject } from "vitest/node";

import "@caseward/services/vitest-context";

const dataDir = fileURLToPath(new URL("../../.data", import.meta.url));

export default async function setup(project: TestProject) {
  const services = await testServices(dataDir);
  const database = await createTestDatabase(services.postgresServerUrl);
  project.provide("databaseUrl", database.url);
  project.provide("databaseServerUrl", services.postgresServerUrl);
  project.provide("redisUrl", services.redisUrl);
  // Each run gets its own BullMQ prefix so runs never see each other's jobs.
  project.provide("queuePrefix", `cwtest${randomBytes(4).toString("hex")}`);
  return async () => {
    await database.drop();
    await services.stop();
  };
}
