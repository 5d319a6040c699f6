import { createEnv } from "@t3-oss/env-core";
import { encryptionKeysSchema } from "@caseward/db/encryption";
import { z } from "zod";

/**
 * The variables of core's services (database, key ring, queues, email, data folder, links),
 * read by every process that runs them: a t3-env preset the web's and the worker's env.ts
 * extend, so both validate them alike. `pnpm start` provides embedded defaults for all of them.
 */
export const coreEnv = ({ skipValidation = false }: { skipValidation?: boolean } = {}) =>
  createEnv({
    server: {
      DATABASE_URL: z.url("DATABASE_URL must be a postgres:// URL."),
      REDIS_URL: z.url("REDIS_URL must be a redis:// URL.").default("redis://127.0.0.1:6379"),
      /** Encryption at rest (docs/security.md): `id:base64key,…`, the key that encrypts first. */
      ENCRYPTION_KEYS: encryptionKeysSchema,
      /** The app's origin, for the links in emails. */
      BASE_URL: z.url().default("http://localhost:3000"),
      DATA_DIR: z.string().min(1).default(".data"),
      SMTP_URL: z.url().optional(),
      /** The sender of every email: the worker's and the account's (confirmation, reset). */
      MAIL_FROM: z.string().default("Caseward <no-reply@caseward.local>"),
      /**
       * The domain of users' private Caseward addresses (`<token>@INBOUND_DOMAIN`): the one
       * the inbound receiver accepts mail for, and Settings shows.
       */
      INBOUND_DOMAIN: z
        .string()
        .regex(
          /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/i,
          "INBOUND_DOMAIN must be a domain name, like inbound.example.com.",
        )
        .default("inbound.localhost"),
      /**
       * How many MB of files one account may keep (stored in PostgreSQL): uploads on the web,
       * and the files of emails the worker files.
       */
      UPLOAD_QUOTA_MB: z.coerce
        .number("UPLOAD_QUOTA_MB must be a number of megabytes.")
        .int("UPLOAD_QUOTA_MB must be a whole number of megabytes.")
        .min(1, "UPLOAD_QUOTA_MB must be at least 1.")
        .default(1024),
      QUEUE_PREFIX: z
        .string()
        .regex(/^[a-z0-9_-]+$/i, "QUEUE_PREFIX may use letters, digits, - and _ only.")
        .default("caseward"),
    },
    runtimeEnv: process.env,
    skipValidation,
    emptyStringAsUndefined: true,
  });
