import { createEnv } from "@t3-oss/env-nextjs";
import { encryptionKeysSchema } from "@caseward/db/encryption";
import { z } from "zod";

// Read once, validated at start; `pnpm start` provides embedded defaults for all of them.
export const env = createEnv({
  server: {
    DATABASE_URL: z.url("DATABASE_URL must be a postgres:// URL."),
    REDIS_URL: z.url("REDIS_URL must be a redis:// URL.").default("redis://127.0.0.1:6379"),
    BETTER_AUTH_SECRET: z.string().min(32, "BETTER_AUTH_SECRET needs at least 32 characters."),
    /** Encryption at rest (docs/security.md): `id:base64key,…`, the key that encrypts first. */
    ENCRYPTION_KEYS: encryptionKeysSchema,
    BASE_URL: z.url().default("http://localhost:3000"),
    DATA_DIR: z.string().min(1).default(".data"),
    /** Uploaded transcripts and recordings; defaults to DATA_DIR/uploads. */
    UPLOAD_DIR: z.string().min(1).optional(),
    SMTP_URL: z.url().optional(),
    /** The sender of the account's emails (confirmation, password reset), as the worker's. */
    MAIL_FROM: z.string().default("Caseward <no-reply@caseward.local>"),
    QUEUE_PREFIX: z
      .string()
      .regex(/^[a-z0-9_-]+$/i, "QUEUE_PREFIX may use letters, digits, - and _ only.")
      .default("caseward"),
    /**
     * "off" only for the e2e suite, whose many sign-ups come from one address: no auth rate
     * limits and no lock after failed sign-ins.
     */
    AUTH_RATE_LIMIT: z.enum(["on", "off"]).default("on"),
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  },
  client: {},
  experimental__runtimeEnv: {},
  // `next build` and lint run without a database; the server validates at start.
  skipValidation: process.env.SKIP_ENV_VALIDATION === "1",
  emptyStringAsUndefined: true,
});
