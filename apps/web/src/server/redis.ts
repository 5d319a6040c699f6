import "server-only";

import type { RedisConnection } from "@caseward/core/redis";
import { connectRedis, redisHealth } from "@caseward/core/redis";

import { env } from "~/env";

const globalForRedis = globalThis as unknown as {
  cwRedis?: RedisConnection;
  cwRedisHealth?: ReturnType<typeof redisHealth>;
};

/** The web's Redis (one server or a cluster): fail fast rather than hang a request when away. */
export const redis = (globalForRedis.cwRedis ??= connectRedis(env, "web", { lazyConnect: true }));
redis.on("error", () => undefined);

/** What /api/health asks of it (each cluster node's reachability when clustered). */
export const redisProbe = (globalForRedis.cwRedisHealth ??= redisHealth(redis, env.QUEUE_PREFIX));
