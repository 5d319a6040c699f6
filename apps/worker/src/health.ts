import { createServer } from "node:http";

import type { Database } from "@caseward/db";
import { sql } from "@caseward/db";
import type { Redis } from "ioredis";

/** GET /health → 200 when Postgres and Redis answer, 503 otherwise. */
export function startHealthServer(port: number, deps: { db: Database; redis: Redis }) {
  const server = createServer((req, res) => {
    if (req.url !== "/health") {
      res.writeHead(404).end();
      return;
    }
    void Promise.all([
      deps.db.execute(sql`select 1`).then(
        () => true,
        () => false,
      ),
      deps.redis.ping().then(
        () => true,
        () => false,
      ),
    ]).then(([postgres, redis]) => {
      const ok = postgres && redis;
      res.writeHead(ok ? 200 : 503, { "content-type": "application/json" });
      res.end(JSON.stringify({ status: ok ? "ok" : "degraded", postgres, redis }));
    });
  });
  server.listen(port, "127.0.0.1");
  return server;
}
