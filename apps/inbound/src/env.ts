import { createEnv } from "@t3-oss/env-core";
import { coreEnv } from "@caseward/core/env";
import { z } from "zod";

/** The largest message the receiver takes (SIZE): as large as an upload may be. */
export const defaultMaxBytes = 25 * 1024 * 1024;

export const env = createEnv({
  extends: [coreEnv()],
  server: {
    /** Where the SMTP receiver listens; production puts it behind the domain's MX or a relay. */
    INBOUND_SMTP_PORT: z.coerce
      .number("INBOUND_SMTP_PORT must be a port number.")
      .int()
      .min(0)
      .max(65535, "INBOUND_SMTP_PORT must be a port number (0–65535).")
      .default(2525),
    INBOUND_SMTP_HOST: z.string().min(1).default("127.0.0.1"),
    /** PEM files of the receiver's certificate: STARTTLS is offered only when both are set. */
    INBOUND_TLS_KEY: z.string().min(1).optional(),
    INBOUND_TLS_CERT: z.string().min(1).optional(),
    /** Recipients of one message (more are answered 452: the sender sends them later). */
    INBOUND_MAX_RECIPIENTS: z.coerce.number().int().min(1).max(1000).default(50),
    INBOUND_MAX_BYTES: z.coerce
      .number()
      .int()
      .min(1024)
      .max(100 * 1024 * 1024)
      .default(defaultMaxBytes),
    /** Simultaneous SMTP connections; more are told to come back later. */
    INBOUND_MAX_CLIENTS: z.coerce.number().int().min(1).max(10_000).default(200),
    /**
     * Receiver processes sharing the port (node's cluster module): each has its own event
     * loop, database pool and group commit. One per core the receiver may use.
     */
    INBOUND_PROCESSES: z.coerce.number().int().min(1).max(64).default(1),
    /** How long a message that ends its DATA waits for others to share its commit (0: none). */
    INBOUND_COMMIT_WINDOW_MS: z.coerce.number().int().min(0).max(1000).default(0),
    /** Commits under way at once, per process. */
    INBOUND_COMMITS_IN_FLIGHT: z.coerce.number().int().min(1).max(64).default(4),
    LOG_LEVEL: z
      .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"])
      .default("info"),
  },
  runtimeEnv: process.env,
  emptyStringAsUndefined: true,
});
