// A real Redis Cluster for the tests (issue 16): six redis-server processes on loopback, 3 masters
// and 3 replicas made by `redis-cli --cluster create`, in a temporary folder; a test may SIGKILL a
// node by its port and start it again (its nodes.conf is kept, so it rejoins the cluster).
import type { ChildProcess } from "node:child_process";
import { execFile, spawn, spawnSync } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

import { stopOnExit } from "./exit-cleanup";
import { portAnswers } from "./ports";
import { redisMissing } from "./redis";
import { waitFor } from "./wait-for";

const run = promisify(execFile);

export interface ClusterNode {
  port: number;
  /** `127.0.0.1:<port>`, as the cluster names it. */
  address: string;
}

export interface RedisCluster {
  nodes: ClusterNode[];
  /** `REDIS_CLUSTER_NODES`: every node's host:port, comma-separated. */
  nodeList: string;
  /** The node serving `key`'s slot as master now, and its replicas, asked of a live node. */
  shardOf(key: string): Promise<{ master: ClusterNode; replicas: ClusterNode[] }>;
  /** SIGKILL: no shutdown, no goodbye to the other nodes, as a machine that dies. */
  kill(port: number): Promise<void>;
  /** Starts a killed node again on its port with its nodes.conf. */
  restart(port: number): Promise<void>;
  /** Resolves once every live node reports `cluster_state:ok`. */
  waitUntilOk(timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

/** Options every node starts with; a short node timeout makes failover take about a second. */
function nodeArgs(port: number, nodeTimeoutMs: number) {
  return [
    "--port",
    String(port),
    "--bind",
    "127.0.0.1",
    "--cluster-enabled",
    "yes",
    "--cluster-config-file",
    `nodes-${port}.conf`,
    "--cluster-node-timeout",
    String(nodeTimeoutMs),
    "--save",
    "",
    "--appendonly",
    "no",
  ];
}

const cli = async (port: number, ...args: string[]) =>
  (await run("redis-cli", ["-p", String(port), ...args], { timeout: 5_000 })).stdout;

/**
 * Six nodes on `portFrom`…`portFrom + 5` (a range no other test uses), each with its own folder
 * under a temporary one removed by `stop()`.
 */
export async function startRedisCluster({
  portFrom,
  nodeTimeoutMs = 1_000,
}: {
  portFrom: number;
  nodeTimeoutMs?: number;
}): Promise<RedisCluster> {
  const installed = spawnSync("redis-cli", ["--version"], { stdio: "ignore" });
  if (installed.error || installed.status !== 0) throw new Error(redisMissing);
  const ports = Array.from({ length: 6 }, (_, i) => portFrom + i);
  for (const port of ports) {
    if (await portAnswers(port, { timeoutMs: 300 }))
      throw new Error(
        `port ${port} is taken: the Redis Cluster test needs ${portFrom}–${portFrom + 5}`,
      );
  }
  const dir = await mkdtemp(join(tmpdir(), "caseward-redis-cluster-"));
  const children = new Map<number, ChildProcess>();
  const startNode = async (port: number) => {
    const child = spawn("redis-server", nodeArgs(port, nodeTimeoutMs), {
      cwd: dir,
      stdio: "ignore",
    });
    stopOnExit(child, () => child.kill("SIGKILL"));
    children.set(port, child);
    await waitFor(
      async () =>
        (await portAnswers(port, { ping: "PING\r\n", expect: "+PONG" })) ? true : undefined,
      10_000,
      `redis cluster node on ${port}`,
      50,
    );
  };
  const stopNode = async (port: number, signal: NodeJS.Signals) => {
    const child = children.get(port);
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill(signal);
    await exited;
  };
  const live = () =>
    ports.filter((port) => {
      const child = children.get(port);
      return child && child.exitCode === null && child.signalCode === null;
    });

  const cluster: RedisCluster = {
    nodes: ports.map((port) => ({ port, address: `127.0.0.1:${port}` })),
    nodeList: ports.map((port) => `127.0.0.1:${port}`).join(","),
    async shardOf(key) {
      const slot = Number((await cli(live()[0]!, "cluster", "keyslot", key)).trim());
      // CLUSTER NODES: id address@bus flags master-id ping pong epoch state slots…
      const lines = (await cli(live()[0]!, "cluster", "nodes")).trim().split("\n");
      const parsed = lines.map((line) => {
        const [id, address, flags, masterId, , , , , ...slots] = line.split(" ");
        return {
          id: id!,
          port: Number(address!.split("@")[0]!.split(":")[1]),
          flags: flags!.split(","),
          masterId: masterId!,
          slots,
        };
      });
      const owns = (ranges: string[]) =>
        ranges.some((range) => {
          const [from, to = from] = range.split("-").map(Number);
          return slot >= from! && slot <= to!;
        });
      const master = parsed.find((n) => n.flags.includes("master") && owns(n.slots));
      if (!master) throw new Error(`no master serves slot ${slot}`);
      const node = (port: number) => ({ port, address: `127.0.0.1:${port}` });
      return {
        master: node(master.port),
        replicas: parsed.filter((n) => n.masterId === master.id).map((n) => node(n.port)),
      };
    },
    kill: (port) => stopNode(port, "SIGKILL"),
    restart: (port) => startNode(port),
    async waitUntilOk(timeoutMs = 20_000) {
      await waitFor(
        async () => {
          const states = await Promise.all(
            live().map((port) => cli(port, "cluster", "info").catch(() => "")),
          );
          return states.every((info) => info.includes("cluster_state:ok")) ? true : undefined;
        },
        timeoutMs,
        "the Redis Cluster's state ok on every node",
        100,
      );
    },
    async stop() {
      await Promise.all(ports.map((port) => stopNode(port, "SIGKILL")));
      await rm(dir, { recursive: true, force: true });
    },
  };

  try {
    await Promise.all(ports.map(startNode));
    await run(
      "redis-cli",
      [
        "--cluster",
        "create",
        ...cluster.nodes.map((n) => n.address),
        "--cluster-replicas",
        "1",
        "--cluster-yes",
      ],
      { timeout: 30_000 },
    );
    await cluster.waitUntilOk();
    // Every replica attached and in sync: a failover needs a replica that knows its master.
    await waitFor(
      async () => {
        const masters = await Promise.all(
          ports.map((port) => cli(port, "info", "replication").catch(() => "")),
        );
        const synced = masters.filter((info) => info.includes("role:master"));
        return synced.length === 3 &&
          synced.every((info) => /connected_slaves:1/.test(info) && /state=online/.test(info))
          ? true
          : undefined;
      },
      20_000,
      "every replica in sync",
      100,
    );
    return cluster;
  } catch (error) {
    await cluster.stop();
    throw error;
  }
}
