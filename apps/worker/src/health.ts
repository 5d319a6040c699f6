import { createServer } from "node:http";

import type { RedisProbe } from "@caseward/core";
import { checkHealth } from "@caseward/core";
import type { Database } from "@caseward/db";
import type { Registry } from "prom-client";

/**
 * GET /health → 200 when Postgres and Redis answer (with the queues' depths and how late the
 * outbox is), 503 otherwise; GET /metrics → the registry's Prometheus text, when given one.
 */
export function startHealthServer(
  port: number,
  deps: {
    db: Database;
    redis: RedisProbe;
    queueDepths?: () => Promise<Record<string, Record<string, number>>>;
    metrics?: Registry;
  },
) {
  const server = createServer((req, res) => {
    if (req.url === "/metrics" && deps.metrics) {
      const registry = deps.metrics;
      registry
        .metrics()
        .then((text) => {
          res.writeHead(200, { "content-type": registry.contentType }).end(text);
        })
        .catch(() => res.writeHead(503).end());
      return;
    }
    if (req.url !== "/health") {
      res.writeHead(404).end();
      return;
    }
    void checkHealth(deps).then((health) => {
      res.writeHead(health.status === "ok" ? 200 : 503, { "content-type": "application/json" });
      res.end(JSON.stringify(health));
    });
  });
  server.listen(port, "127.0.0.1");
  return server;
}
