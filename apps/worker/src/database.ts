import { createResilientDatabase } from "@caseward/db/resilient";
import type { Logger } from "pino";

export { databaseProbeEveryMs } from "@caseward/db/resilient";

/**
 * The worker's Postgres pool: replaced by a fresh one once Postgres answers again after it
 * could not be reached (@caseward/db/resilient says why).
 */
export function createWorkerDatabase(url: string, logger: Logger) {
  return createResilientDatabase(url, logger, { max: workerPoolSize });
}

/** The worker's Postgres connections at most (./coming-due.ts opens them all before a burst). */
export const workerPoolSize = 10;
