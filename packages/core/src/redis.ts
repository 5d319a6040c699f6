import type { ClusterOptions, RedisOptions } from "ioredis";
import { Cluster, Redis } from "ioredis";

// The one place a process connects to Redis (web, worker, inbound receiver): one server from
// REDIS_URL, or a Redis Cluster from REDIS_CLUSTER_NODES through ioredis `Cluster` (issue 16).

/** A connection to one Redis server or to a cluster: every command the app uses works on both. */
export type RedisConnection = Redis | Cluster;

/**
 * What each kind of process needs of Redis:
 * - `worker`: BullMQ workers block on Redis and must never give up on a command
 *   (`maxRetriesPerRequest: null`), and ride through a failover;
 * - `web`: a request fails fast (a 503 the user can retry) rather than hang when Redis is away;
 * - `receiver`: queueing a filing job may fail (the reconciler makes up for it), never hang.
 */
export type RedisRole = "worker" | "web" | "receiver";

export interface RedisSettings {
  REDIS_URL: string;
  /** `host:port,host:port,…`: any few nodes of the cluster, the rest are discovered. */
  REDIS_CLUSTER_NODES?: { host: string; port: number }[];
  QUEUE_PREFIX: string;
}

/** `{tag}` in a key: Redis Cluster hashes only the tag, so keys sharing it share a slot. */
export const hashTag = (prefix: string) => /\{([^{}]+)\}/.exec(prefix)?.[1];

export const clusterPrefixProblem =
  "With REDIS_CLUSTER_NODES, QUEUE_PREFIX must hold a hash tag, like {caseward}: BullMQ's scripts and the sign-in counts need every key of one install in one slot.";

const nodeOptions: Record<RedisRole, RedisOptions> = {
  worker: { maxRetriesPerRequest: null },
  web: { maxRetriesPerRequest: 1, connectTimeout: 2_000 },
  receiver: { maxRetriesPerRequest: 2, connectTimeout: 2_000 },
};

/**
 * Cluster retries: a command that meets a closed node or CLUSTERDOWN is retried every
 * `retryDelayOnFailover` ms up to `maxRedirections` times. A failover with a node timeout of
 * 1 s takes 1–3 s: the worker waits up to ~10 s for it; a web request up to ~2 s, then a 503.
 */
const clusterOptions: Record<RedisRole, ClusterOptions> = {
  worker: { maxRedirections: 50, retryDelayOnFailover: 200, retryDelayOnClusterDown: 200 },
  web: { maxRedirections: 10, retryDelayOnFailover: 200, retryDelayOnClusterDown: 200 },
  receiver: { maxRedirections: 10, retryDelayOnFailover: 200, retryDelayOnClusterDown: 200 },
};

/** Redis for `role`, from the process's env; `lazyConnect` for a process that may never use it. */
export function connectRedis(
  settings: RedisSettings,
  role: RedisRole,
  extra: { lazyConnect?: boolean } = {},
): RedisConnection {
  const nodes = settings.REDIS_CLUSTER_NODES;
  if (!nodes?.length) return new Redis(settings.REDIS_URL, { ...nodeOptions[role], ...extra });
  if (!hashTag(settings.QUEUE_PREFIX)) throw new Error(clusterPrefixProblem);
  return new Cluster(nodes, {
    ...clusterOptions[role],
    ...extra,
    // Refreshed now and then too, so a node that came back is seen without an error first.
    slotsRefreshInterval: 5_000,
    redisOptions: nodeOptions[role],
  });
}

export const isCluster = (connection: RedisConnection): connection is Cluster =>
  connection instanceof Cluster;

export interface RedisNodeHealth {
  /** host:port as the cluster names it (an address of the operator's network, nothing personal). */
  node: string;
  role: "master" | "replica" | "unknown";
  ok: boolean;
}

/**
 * What /health asks of Redis. `ping`: a command in the install's own slot when clustered (a
 * PING would go to any node, and say nothing of the shard the queues live on). `nodes`: every
 * node the cluster knows (CLUSTER NODES, failed ones too) and whether this process reaches it.
 */
export function redisHealth(connection: RedisConnection, prefix: string) {
  if (!isCluster(connection)) return { ping: () => connection.ping() };
  // Nodes seen before, listed even when no live node can be asked for the list.
  const seen = new Map<string, RedisNodeHealth["role"]>();
  return {
    ping: () => connection.exists(`${prefix}:health`),
    nodes: async (timeoutMs = 1_000): Promise<RedisNodeHealth[]> => {
      const listed = await withTimeout(
        connection.cluster("NODES") as Promise<string>,
        timeoutMs,
      ).catch(() => undefined);
      for (const line of listed?.trim().split("\n") ?? []) {
        // <id> <ip:port@cport> <flags> <master id> …
        const [, address, flags = ""] = line.split(" ");
        const node = address?.split("@")[0];
        if (!node) continue;
        const role = flags.includes("master")
          ? "master"
          : flags.includes("slave")
            ? "replica"
            : "unknown";
        seen.set(node, role);
      }
      return Promise.all(
        [...seen].sort().map(async ([node, role]) => ({
          node,
          role,
          ok: await answersPing(node, timeoutMs),
        })),
      );
    },
  };
}

function withTimeout<T>(promise: Promise<T>, timeoutMs: number) {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error("timeout")), timeoutMs);
    }),
  ]).finally(() => clearTimeout(timer));
}

/** A connection of its own per node: the cluster's pool drops a lost node, and hides it. */
async function answersPing(node: string, timeoutMs: number) {
  const [host, port] = node.split(":");
  const probe = new Redis({
    host,
    port: Number(port),
    lazyConnect: true,
    connectTimeout: timeoutMs,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: () => null,
  });
  probe.on("error", () => undefined);
  try {
    await withTimeout(probe.connect(), timeoutMs);
    return (await withTimeout(probe.ping(), timeoutMs)) === "PONG";
  } catch {
    return false;
  } finally {
    probe.disconnect();
  }
}
