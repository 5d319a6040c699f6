// Sign-in on a real Redis Cluster (issue 16): six redis-server nodes of this file's own (3
// masters, 3 replicas, ports 7311–7316). Two auth instances, each with its own cluster
// connection made as the web makes it (`connectRedis(…, "web")`), stand for two web processes:
// next start twice would add a build and two servers for what the Redis keys decide.
import { randomBytes } from "node:crypto";

import { checkHealth } from "@caseward/core";
import { connectRedis, redisHealth } from "@caseward/core/redis";
import { useTestDatabase as testDatabase } from "@caseward/core/testing";
import type { RedisCluster } from "@caseward/services/redis-cluster";
import { startRedisCluster } from "@caseward/services/redis-cluster";
import { waitFor } from "@caseward/services/wait-for";
import type { Cluster } from "ioredis";
import { afterAll, describe, expect, inject, it } from "vitest";

import type { Auth } from "./auth-config";
import { createAuth, sessionStoreOf } from "./auth-config";
import { createSessionCache } from "./session-cache";
import { createSessionReader } from "./session-reader";

const cluster: RedisCluster = await startRedisCluster({ portFrom: 7311 });
afterAll(() => cluster.stop());

const baseURL = "http://localhost:3000";
// A hash tag: every throttle count and session copy of the install in one slot.
const redisPrefix = `{${inject("queuePrefix")}auth}`;
const password = "a long and boring passphrase";
const db = testDatabase();

function webProcess() {
  const redis = connectRedis(
    {
      REDIS_URL: "redis://127.0.0.1:1",
      REDIS_CLUSTER_NODES: cluster.nodes
        .slice(0, 2)
        .map((n) => ({ host: "127.0.0.1", port: n.port })),
      QUEUE_PREFIX: redisPrefix,
    },
    "web",
    { lazyConnect: true },
  ) as Cluster;
  redis.on("error", () => undefined);
  afterAll(() => redis.disconnect());
  const auth = createAuth({
    db,
    redis,
    baseURL,
    secret: "x".repeat(32),
    throttle: true,
    redisPrefix,
  });
  return { auth, redis, health: redisHealth(redis, redisPrefix) };
}
const first = webProcess();
const second = webProcess();

let addresses = 0;
const newAddress = () => `198.51.100.${++addresses}`;

function post(auth: Auth, path: string, body: object, address: string) {
  return auth.handler(
    new Request(`${baseURL}/api/auth${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": address, origin: baseURL },
      body: JSON.stringify(body),
    }),
  );
}

async function signUp() {
  const email = `${randomBytes(4).toString("hex")}@example.test`;
  const response = await post(
    first.auth,
    "/sign-up/email",
    { name: "Maya", email, password },
    newAddress(),
  );
  expect(response.status).toBe(200);
  return email;
}

describe("sign-in on a Redis Cluster", () => {
  it("5 wrong passwords spread over two web processes lock the account on both; a session made on one is read on the other", async () => {
    const email = await signUp();
    for (let i = 0; i < 5; i++) {
      const web = i % 2 === 0 ? first : second;
      const response = await post(
        web.auth,
        "/sign-in/email",
        { email, password: `wrong ${i} guess here` },
        newAddress(),
      );
      expect(response.status).toBe(401);
    }
    for (const web of [first, second]) {
      const locked = await post(web.auth, "/sign-in/email", { email, password }, newAddress());
      expect(locked.status).toBe(429);
      expect(Number(locked.headers.get("retry-after"))).toBeGreaterThan(14 * 60);
    }

    const other = await signUp();
    const signedIn = await post(
      first.auth,
      "/sign-in/email",
      { email: other, password },
      newAddress(),
    );
    expect(signedIn.status).toBe(200);
    const cookie = signedIn.headers.get("set-cookie")!.split(";")[0]!;
    const session = await second.auth.api.getSession({ headers: new Headers({ cookie }) });
    expect(session?.user.email).toBe(other);
    // The short way reads it too, the second time with its user's revocation mark in the same
    // round trip (one GET each on a cluster); it never falls back to getSession here.
    const readSession = createSessionReader(
      second.auth.$context,
      sessionStoreOf({ redis: second.redis, redisPrefix, secret: "x".repeat(32) }),
      () => Promise.resolve(null),
    );
    for (let read = 0; read < 2; read++) {
      expect((await readSession(new Headers({ cookie })))?.user.id).toBe(session!.user.id);
    }

    // Every key of the install sits on one master: the one serving the prefix's hash tag.
    const owners: number[] = [];
    for (const node of first.redis.nodes("master")) {
      if ((await node.keys(`${redisPrefix}:*`)).length > 0) owners.push(node.options.port!);
    }
    const { master } = await cluster.shardOf(`${redisPrefix}:auth`);
    expect(owners).toEqual([master.port]);
  });

  it("the session cache on a cluster: a sign-out on one process is heard by the other's cache", async () => {
    const email = await signUp();
    const signedIn = await post(first.auth, "/sign-in/email", { email, password }, newAddress());
    const cookie = signedIn.headers.get("set-cookie")!.split(";")[0]!;
    const headers = () => new Headers({ cookie });
    const store = sessionStoreOf({ redis: second.redis, redisPrefix, secret: "x".repeat(32) });
    let reads = 0;
    const counted = {
      ...store,
      getMany: (names: readonly string[]) => (reads++, store.getMany(names)),
    };
    const cache = createSessionCache<NonNullable<Awaited<ReturnType<Auth["api"]["getSession"]>>>>(
      second.redis,
      { prefix: redisPrefix },
    );
    afterAll(() => cache.close());
    const readSession = createSessionReader(
      second.auth.$context,
      counted,
      (h) => second.auth.api.getSession({ headers: h }),
      cache,
    );
    await waitFor(
      () => (cache.get("", Date.now()), cache.listening() ? true : undefined),
      10_000,
      "the cache listening on the cluster",
      50,
    );
    await readSession(headers());
    await readSession(headers());
    const kept = reads;
    expect((await readSession(headers()))?.user.email).toBe(email);
    expect(reads).toBe(kept);

    const out = await first.auth.handler(
      new Request(`${baseURL}/api/auth/sign-out`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: baseURL, cookie },
        body: "{}",
      }),
    );
    expect(out.status).toBe(200);
    await waitFor(
      async () => ((await readSession(headers())) === null ? true : undefined),
      1_000,
      "the session ended on the other process",
      10,
    );
  });

  it(
    "the shard holding the install's keys down: sign-in answers 503 fast, health names the lost nodes, and both recover by themselves once the nodes are back",
    { timeout: 60_000 },
    async () => {
      const email = await signUp();
      const { master, replicas } = await cluster.shardOf(`${redisPrefix}:auth`);
      const shard = [master, ...replicas];
      for (const node of shard) await cluster.kill(node.port);

      const askedAt = Date.now();
      const refused = await post(second.auth, "/sign-in/email", { email, password }, newAddress());
      const refusedIn = Date.now() - askedAt;
      expect(refused.status).toBe(503);
      expect(await refused.json()).toMatchObject({ code: "SIGN_IN_UNAVAILABLE" });
      expect(refusedIn).toBeLessThan(6_000);

      const health = await checkHealth({ db, redis: second.health });
      expect(health.status).toBe("degraded");
      expect(health.redis.ok).toBe(false);
      expect(health.redis.nodes).toHaveLength(6);
      expect(
        health.redis
          .nodes!.filter((n) => !n.ok)
          .map((n) => n.node)
          .sort(),
      ).toEqual(shard.map((n) => n.address).sort());

      for (const node of shard) await cluster.restart(node.port);
      await cluster.waitUntilOk();
      const backAt = Date.now();
      const signedIn = await waitFor(
        async () => {
          const response = await post(
            second.auth,
            "/sign-in/email",
            { email, password },
            newAddress(),
          );
          return response.status === 200 ? response : undefined;
        },
        30_000,
        "sign-in working again",
        200,
      );
      const recoveredIn = Date.now() - backAt;
      expect(signedIn.status).toBe(200);
      const healed = await checkHealth({ db, redis: second.health });
      expect(healed.status).toBe("ok");
      expect(healed.redis.nodes?.every((n) => n.ok)).toBe(true);
      console.warn(
        `Redis Cluster shard down: sign-in refused with 503 in ${refusedIn} ms; ` +
          `health answered in ${health.redis.ms} ms; sign-in back ${recoveredIn} ms after the nodes (same process).`,
      );
    },
  );
});
