import { createEnv } from "@t3-oss/env-core";
import { encryptionKeysSchema } from "@caseward/db/encryption";
import { z } from "zod";

export const env = createEnv({
  server: {
    DATABASE_URL: z.url("DATABASE_URL must be a postgres:// URL."),
    REDIS_URL: z.url("REDIS_URL must be a redis:// URL.").default("redis://127.0.0.1:6379"),
    /** Encryption at rest (docs/security.md): `id:base64key,…`, the key that encrypts first. */
    ENCRYPTION_KEYS: encryptionKeysSchema,
    BASE_URL: z.url().default("http://localhost:3000"),
    DATA_DIR: z.string().min(1).default(".data"),
    SMTP_URL: z.url().optional(),
    MAIL_FROM: z.string().default("Caseward <no-reply@caseward.local>"),
    QUEUE_PREFIX: z
      .string()
      .regex(/^[a-z0-9_-]+$/i)
      .default("caseward"),
    WORKER_HEALTH_PORT: z.coerce.number().int().min(0).max(65535).default(3101),
    WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(200).default(10),
    LOG_LEVEL: z
      .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"])
      .default("info"),
  },
  runtimeEnv: process.env,
  emptyStringAsUndefined: true,
});
