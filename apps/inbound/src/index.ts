import cluster from "node:cluster";
import { readFileSync } from "node:fs";
import type { AddressInfo } from "node:net";

import { createJobProducer, scheduleInboundFilingAtOnce } from "@caseward/core/jobs";
import { connectRedis } from "@caseward/core/redis";
import { createResilientDatabase } from "@caseward/db/resilient";
import pino from "pino";

import { env } from "./env";
import { filingBatch } from "./filing-batch";
import { superviseReceivers } from "./processes";
import { createReceiver } from "./receiver";

// The inbound mail receiver: its own process, so it scales (and fails) apart from web and
// worker. `pnpm start` runs it on 127.0.0.1:2525; production puts it behind the MX.
// INBOUND_PROCESSES > 1 runs that many receivers on the one port (./processes.ts).

// Logs carry ids, counts and error names only; redaction is the net should more slip in.
const logger = pino({
  level: env.LOG_LEVEL,
  base: { service: "inbound", pid: process.pid },
  redact: { paths: ["address", "from", "to", "*.address"], censor: "[redacted]" },
});

if (cluster.isPrimary && env.INBOUND_PROCESSES > 1) {
  superviseReceivers(env.INBOUND_PROCESSES, logger);
} else {
  serve();
}

function readTls() {
  if (!env.INBOUND_TLS_KEY && !env.INBOUND_TLS_CERT) return undefined;
  if (!env.INBOUND_TLS_KEY || !env.INBOUND_TLS_CERT) {
    logger.fatal("Set both INBOUND_TLS_KEY and INBOUND_TLS_CERT (PEM files), or neither.");
    process.exit(1);
  }
  try {
    return { key: readFileSync(env.INBOUND_TLS_KEY), cert: readFileSync(env.INBOUND_TLS_CERT) };
  } catch {
    logger.fatal("INBOUND_TLS_KEY or INBOUND_TLS_CERT cannot be read: check both paths.");
    process.exit(1);
  }
}

/** One receiver: its database pool, Redis, group commit and SMTP server. */
function serve() {
  const database = createResilientDatabase(env.DATABASE_URL, logger, { max: 10 });
  // Queueing is after the 250 and may fail (the reconciler makes up for it): it must not wait
  // forever on a Redis that is gone.
  const redis = connectRedis(env, "receiver");
  redis.on("error", (error: Error) => logger.warn({ err: error.name }, "redis error"));
  const producer = createJobProducer(redis, env.QUEUE_PREFIX);

  const server = createReceiver({
    db: database.db,
    groupCommit: {
      windowMs: env.INBOUND_COMMIT_WINDOW_MS,
      maxInFlight: env.INBOUND_COMMITS_IN_FLIGHT,
    },
    // Ids stored within 20 ms go to Redis in one call: with 5 ms, Redis calls were still a tenth
    // of the receiver's CPU under load (issue 15's bench); filing waits at most 20 ms more.
    queueFiling: filingBatch((ids) => scheduleInboundFilingAtOnce(producer.enqueueMany, ids), {
      windowMs: 20,
    }),
    domain: env.INBOUND_DOMAIN,
    logger,
    maxBytes: env.INBOUND_MAX_BYTES,
    maxRecipients: env.INBOUND_MAX_RECIPIENTS,
    maxClients: env.INBOUND_MAX_CLIENTS,
    tls: readTls(),
  });

  server.listen(env.INBOUND_SMTP_PORT, env.INBOUND_SMTP_HOST, () => {
    const { port } = server.server.address() as AddressInfo;
    logger.info(
      { host: env.INBOUND_SMTP_HOST, port, domain: env.INBOUND_DOMAIN },
      "inbound receiver listening",
    );
  });
  server.server.on("error", (error: Error) => {
    logger.fatal({ err: error.name }, "inbound receiver cannot listen");
    process.exit(1);
  });

  let stopping = false;
  function shutdown(signal: string) {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "inbound receiver stopping");
    // Sessions in progress finish (or time out): a message mid-DATA is never half-stored.
    server.close(() => {
      void (async () => {
        await producer.close().catch(() => undefined);
        await redis.quit().catch(() => undefined);
        await database.close();
        logger.info("inbound receiver stopped");
        process.exit(0);
      })();
    });
  }
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  process.on("SIGINT", () => shutdown("SIGINT"));
}
