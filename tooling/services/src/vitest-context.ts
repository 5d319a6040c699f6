// What the root vitest global setup provides to every test file (tooling/vitest/global-setup.ts).
import type {} from "vitest";

declare module "vitest" {
  export interface ProvidedContext {
    /** The run's own database, migrated, dropped after the run. */
    databaseUrl: string;
    /** The PostgreSQL server it is on (its `postgres` database): for a database of a file's own. */
    databaseServerUrl: string;
    redisUrl: string;
    queuePrefix: string;
  }
}
