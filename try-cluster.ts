import { startRedisCluster } from "./tooling/services/src/redis-cluster";
import { connectRedis, redisHealth } from "./packages/core/src/redis";
import { checkHealth } from "./packages/core/src/health";
const c = await startRedisCluster({ portFrom: 7321 });
try {
  const nodes = c.nodeList.split(",").map((e) => ({ host: "127.0.0.1", port: Number(e.split(":")[1]) }));
  const r = connectRedis({ REDIS_URL: "", REDIS_CLUSTER_NODES: nodes.slice(0, 2), QUEUE_PREFIX: "{x}" }, "worker");
  r.on("error", () => undefined);
  const h = redisHealth(r, "{x}");
  await r.set("{x}:a", "1");
  console.log(await h.nodes!());
  const { master, replicas } = await c.shardOf("{x}:a");
  for (const n of [master, ...replicas]) await c.kill(n.port);
  for (let i = 0; i < 6; i++) {
    const t = Date.now();
    const res = await Promise.allSettled([h.ping(), h.nodes!()]);
    console.log(Date.now() - t, JSON.stringify(res));
    await new Promise((r) => setTimeout(r, 1000));
  }
  r.disconnect();
} finally { await c.stop(); }
