// The fault stack (@caseward/services/fault-stack) of one test file, on the run's services:
// stopped after the file's tests.
import { queues } from "@caseward/core/jobs";
import type { FaultStack } from "@caseward/services/fault-stack";
import { startFaultStack } from "@caseward/services/fault-stack";
import { afterAll, inject } from "vitest";

import "@caseward/services/vitest-context";

/** `own`: an embedded PostgreSQL to restart, or a redis-server to flush, of the file's own. */
export function useFaultStack(
  name: string,
  own: { postgres?: boolean; redis?: boolean } = {},
): Promise<FaultStack> {
  const stack = startFaultStack({
    database: `caseward_faults_${name}`,
    serverUrl: inject("databaseServerUrl"),
    redisUrl: inject("redisUrl"),
    queuePrefix: `${inject("queuePrefix")}${name}`,
    queueNames: Object.values(queues),
    ownPostgres: own.postgres,
    ownRedis: own.redis,
  });
  afterAll(async () => {
    await (await stack.catch(() => undefined))?.stop();
  });
  return stack;
}
