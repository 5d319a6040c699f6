import { createEnv } from "@t3-oss/env-core";
import { coreEnv } from "@caseward/core/env";
import { z } from "zod";

export const env = createEnv({
  extends: [coreEnv()],
  server: {
    WORKER_HEALTH_PORT: z.coerce.number().int().min(0).max(65535).default(3101),
    WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(200).default(10),
    /** How often the reconciler compares the outbox and the timers with the queues (ms). */
    RECONCILE_EVERY_MS: z.coerce.number().int().min(1_000).max(3_600_000).default(60_000),
    LOG_LEVEL: z
      .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"])
      .default("info"),
  },
  runtimeEnv: process.env,
  emptyStringAsUndefined: true,
});
