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
      /**
       * A Redis Cluster instead of REDIS_URL: `host:port` of a few of its nodes, comma-separated
       * (the rest are discovered). QUEUE_PREFIX must then hold a hash tag (docs/scaling.md).
       */
      REDIS_CLUSTER_NODES: z
        .string()
        .regex(
          /^\s*[^\s,:]+:\d{1,5}\s*(,\s*[^\s,:]+:\d{1,5}\s*)*$/,
          "REDIS_CLUSTER_NODES must list host:port pairs separated by commas, like 10.0.0.1:6379,10.0.0.2:6379.",
        )
        .transform((list) =>
          list.split(",").map((entry) => {
            const [host, port] = entry.trim().split(":");
            return { host: host!, port: Number(port) };
          }),
        )
        .optional(),
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
        // A hash tag ({…}) keeps every key of the install in one Redis Cluster slot.
        .regex(
          /^(\{[a-z0-9_-]+\}|[a-z0-9_-]+)$/i,
          "QUEUE_PREFIX may use letters, digits, - and _ only, optionally all inside one pair of braces for Redis Cluster, like {caseward}.",
        )
        .default("caseward"),
    },
    runtimeEnv: process.env,
    skipValidation,
    emptyStringAsUndefined: true,
  });
