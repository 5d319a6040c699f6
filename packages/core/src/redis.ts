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
 * PING would go to any node, and say nothing of the shard the queues live on). `nodes`: each
 * cluster node ever seen, reachable or not (a lost node stays listed until the process restarts).
 */
export function redisHealth(connection: RedisConnection, prefix: string) {
  if (!isCluster(connection)) return { ping: () => connection.ping() };
  const seen = new Set<string>();
  const remember = () => {
    for (const node of connection.nodes("all")) seen.add(addressOf(node));
  };
  connection.on("+node", remember);
  return {
    ping: () => connection.exists(`${prefix}:health`),
    nodes: async (timeoutMs = 1_000): Promise<RedisNodeHealth[]> => {
      remember();
      const masters = new Set(connection.nodes("master").map(addressOf));
      const replicas = new Set(connection.nodes("slave").map(addressOf));
      const byAddress = new Map(connection.nodes("all").map((node) => [addressOf(node), node]));
      return Promise.all(
        [...seen].sort().map(async (node) => ({
          node,
          role: masters.has(node)
            ? ("master" as const)
            : replicas.has(node)
              ? ("replica" as const)
              : ("unknown" as const),
          ok: await pingWithin(byAddress.get(node), timeoutMs),
        })),
      );
    },
  };
}

const addressOf = (node: Redis) => `${node.options.host}:${node.options.port}`;

async function pingWithin(node: Redis | undefined, timeoutMs: number) {
  if (!node) return false;
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      node.ping().then((reply) => reply === "PONG"),
      new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(false), timeoutMs);
      }),
    ]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
