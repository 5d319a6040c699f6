import { createResilientDatabase } from "@caseward/db/resilient";
import type { Logger } from "pino";

export { databaseProbeEveryMs } from "@caseward/db/resilient";

/**
 * The worker's Postgres pool: replaced by a fresh one once Postgres answers again after it
 * could not be reached (@caseward/db/resilient says why).
 */
export function createWorkerDatabase(url: string, logger: Logger) {
  return createResilientDatabase(url, logger);
}
