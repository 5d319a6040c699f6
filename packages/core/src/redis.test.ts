import { Cluster, Redis } from "ioredis";
import { afterEach, describe, expect, it, vi } from "vitest";

import { coreEnv } from "./env";
import { clusterPrefixProblem, connectRedis, hashTag } from "./redis";

describe("the Redis connection settings", () => {
  afterEach(() => vi.unstubAllEnvs());

  const settings = (env: Record<string, string>) => {
    vi.stubEnv("DATABASE_URL", "postgres://localhost/x");
    // Whatever the run's own environment says of the others.
    vi.stubEnv("REDIS_URL", "redis://127.0.0.1:6379");
    vi.stubEnv("BASE_URL", "http://localhost:3000");
    vi.stubEnv("SMTP_URL", "");
    vi.stubEnv("QUEUE_PREFIX", "");
    vi.stubEnv("REDIS_CLUSTER_NODES", "");
    for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
    return coreEnv();
  };

  it("reads REDIS_CLUSTER_NODES as host:port pairs, and a QUEUE_PREFIX with a hash tag", () => {
    const env = settings({
      REDIS_CLUSTER_NODES: "10.0.0.1:7000, redis-b.internal:7001",
      QUEUE_PREFIX: "{caseward}",
    });
    expect(env.REDIS_CLUSTER_NODES).toEqual([
      { host: "10.0.0.1", port: 7000 },
      { host: "redis-b.internal", port: 7001 },
    ]);
    expect(hashTag(env.QUEUE_PREFIX)).toBe("caseward");
  });

  it.each([
    ["REDIS_CLUSTER_NODES", "10.0.0.1", "REDIS_CLUSTER_NODES must list host:port pairs"],
    ["REDIS_CLUSTER_NODES", "10.0.0.1:7000;10.0.0.2:7000", "REDIS_CLUSTER_NODES must list"],
    ["QUEUE_PREFIX", "{case}ward}", "QUEUE_PREFIX may use letters"],
    ["QUEUE_PREFIX", "case:ward", "QUEUE_PREFIX may use letters"],
  ])("refuses %s=%j with a sentence", (name, value, message) => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
    expect(() => settings({ [name]: value })).toThrow();
    expect(JSON.stringify(errors.mock.calls)).toContain(message);
    errors.mockRestore();
  });

  it("connects to one server without REDIS_CLUSTER_NODES, to a cluster with them", () => {
    const one = connectRedis(
      { REDIS_URL: "redis://127.0.0.1:1", QUEUE_PREFIX: "caseward" },
      "web",
      { lazyConnect: true },
    );
    const many = connectRedis(
      {
        REDIS_URL: "redis://127.0.0.1:1",
        REDIS_CLUSTER_NODES: [{ host: "127.0.0.1", port: 1 }],
        QUEUE_PREFIX: "{caseward}",
      },
      "worker",
      { lazyConnect: true },
    );
    expect(one).toBeInstanceOf(Redis);
    expect(many).toBeInstanceOf(Cluster);
    expect((many as Cluster).options.redisOptions?.maxRetriesPerRequest).toBeNull();
    one.disconnect();
    many.disconnect();
  });

  it("refuses a cluster whose prefix has no hash tag: its keys would spread over slots", () => {
    expect(() =>
      connectRedis(
        {
          REDIS_URL: "redis://127.0.0.1:1",
          REDIS_CLUSTER_NODES: [{ host: "127.0.0.1", port: 1 }],
          QUEUE_PREFIX: "caseward",
        },
        "worker",
        { lazyConnect: true },
      ),
    ).toThrow(clusterPrefixProblem);
  });
});
