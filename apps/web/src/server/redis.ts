import "server-only";

import { Redis } from "ioredis";

import { env } from "~/env";

const globalForRedis = globalThis as unknown as { cwRedis?: Redis };

/** The web's Redis connection: fail fast rather than hang a request when Redis is away. */
export const redis = (globalForRedis.cwRedis ??= new Redis(env.REDIS_URL, {
  lazyConnect: true,
  maxRetriesPerRequest: 1,
  enableOfflineQueue: true,
  connectTimeout: 2_000,
}));
redis.on("error", () => undefined);
