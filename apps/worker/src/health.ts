import { createServer } from "node:http";

import { checkHealth } from "@caseward/core";
import type { Database } from "@caseward/db";
import type { Redis } from "ioredis";

/** GET /health → 200 when Postgres and Redis answer, 503 otherwise. */
export function startHealthServer(port: number, deps: { db: Database; redis: Redis }) {
  const server = createServer((req, res) => {
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
