import type { AddressInfo } from "node:net";

import "@caseward/core/testing";
import { createDatabase } from "@caseward/db/client";
import { Redis } from "ioredis";
import { afterAll, describe, expect, inject, it } from "vitest";

import { startHealthServer } from "./health";

const database = createDatabase(inject("databaseUrl"), { max: 2 });
const up = new Redis(inject("redisUrl"), { lazyConnect: true });
// Nothing listens on port 1: a Redis that is down.
const down = new Redis("redis://127.0.0.1:1", {
  lazyConnect: true,
  maxRetriesPerRequest: 0,
  retryStrategy: () => null,
});
down.on("error", () => undefined);

afterAll(async () => {
  up.disconnect();
  down.disconnect();
  await database.close();
});

async function healthOf(redis: Redis) {
  const server = startHealthServer(0, { db: database.db, redis });
  await new Promise((resolve) => server.once("listening", resolve));
  const { port } = server.address() as AddressInfo;
  const response = await fetch(`http://127.0.0.1:${port}/health`);
  const body: unknown = await response.json();
  server.close();
  return { status: response.status, body };
}

describe("worker /health", () => {
  it("answers 200 when Postgres and Redis answer", async () => {
    expect(await healthOf(up)).toMatchObject({
      status: 200,
      body: { status: "ok", postgres: { ok: true }, redis: { ok: true } },
    });
  });

  it("answers 503 and names Redis when Redis is down", async () => {
    expect(await healthOf(down)).toMatchObject({
      status: 503,
      body: { status: "degraded", postgres: { ok: true }, redis: { ok: false } },
    });
  });
});
