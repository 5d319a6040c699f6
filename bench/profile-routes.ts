// Where one route's CPU goes, route by route: the production build under the api part's load
// (50 connections), its web server CPU-profiled over the inspector for each route on its own,
// self time by area and function per request. `node --experimental-websocket --import tsx
// bench/profile-routes.ts [--seconds=6]` (Node 20 needs the flag for its WebSocket).
import { writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

import autocannon from "autocannon";
import { createDatabase } from "@caseward/db/client";
import { deleteQueueKeys, connectRedis } from "@caseward/services/redis";
import { testServices } from "@caseward/services/test-services";

import { trpcPath, treeCpuMs } from "./api";
import { quickDataSize, seedBenchData } from "./seed-bench";
import { signUp, startStack } from "./stack";
import { summariseProfiles } from "./timers-profile";

const seconds = Number(
  process.argv.find((arg) => arg.startsWith("--seconds="))?.split("=")[1] ?? 6,
);
const inspectPort = Number(process.env.INSPECT_PORT ?? 9405);
const port = Number(process.env.BENCH_PORT ?? process.env.E2E_PORT ?? 3310);
const services = await testServices(join(import.meta.dirname, "../.data"));

/** One DevTools session on the web server's inspector. */
async function inspector() {
  const targets = (await (await fetch(`http://127.0.0.1:${inspectPort}/json/list`)).json()) as {
    webSocketDebuggerUrl: string;
  }[];
  const socket = new WebSocket(targets[0]!.webSocketDebuggerUrl);
  await new Promise((done, fail) => {
    socket.onopen = done;
    socket.onerror = fail;
  });
  let id = 0;
  const waiting = new Map<number, (result: unknown) => void>();
  socket.onmessage = (event) => {
    const message = JSON.parse(String(event.data)) as { id?: number; result?: unknown };
    if (message.id !== undefined) waiting.get(message.id)?.(message.result);
  };
  const send = (method: string, params: object = {}) =>
    new Promise<unknown>((done) => {
      waiting.set(++id, done);
      socket.send(JSON.stringify({ id, method, params }));
    });
  return { send, close: () => socket.close() };
}

const load = (url: string, cookie: string, duration: number) =>
  new Promise<autocannon.Result>((done, fail) =>
    autocannon({ url, connections: 50, duration, headers: { cookie } }, (error, result) =>
      error ? fail(error as Error) : done(result),
    ),
  );

const stack = await startStack({
  serverUrl: services.postgresServerUrl,
  redisUrl: services.redisUrl,
  port,
  webNodeArgs: [`--inspect=127.0.0.1:${inspectPort}`],
});
const redis = connectRedis(services.redisUrl);
const connection = createDatabase(stack.databaseUrl, { max: 1 });
try {
  const person = await signUp(stack.baseUrl);
  await seedBenchData(connection.db.$client, quickDataSize, { existingUserIds: [person.userId] });
  const devtools = await inspector();
  await devtools.send("Profiler.enable");
  await devtools.send("Profiler.setSamplingInterval", { interval: 200 });
  const routes = [
    ["floor", "/api/ping"],
    ["signedIn", trpcPath("settings.get", undefined)],
    ["list", trpcPath("dashboard.cases", {})],
  ] as const;
  const dir = join(tmpdir(), `caseward-route-profiles-${Date.now()}`);
  const { mkdir } = await import("node:fs/promises");
  for (const [name, path] of routes) {
    await load(`${stack.baseUrl}${path}`, person.cookie, 2);
    const cpuBefore = await treeCpuMs(stack.webPid);
    await devtools.send("Profiler.start");
    const result = await load(`${stack.baseUrl}${path}`, person.cookie, seconds);
    const { profile } = (await devtools.send("Profiler.stop")) as { profile: unknown };
    const cpu = (await treeCpuMs(stack.webPid)) - cpuBefore;
    const requests = result.requests.total;
    await mkdir(join(dir, name), { recursive: true });
    await writeFile(join(dir, name, `${name}.cpuprofile`), JSON.stringify(profile));
    const summary = await summariseProfiles(join(dir, name));
    console.log(
      `\n${name}: ${requests} requests, ${result.non2xx} non-2xx, CPU ${(cpu / requests).toFixed(3)} ms/request, ` +
        `profiled busy ${((summary.busyMs / requests) * 1000).toFixed(0)} µs/request`,
    );
    const perRequest = (table: Record<string, { selfMs: number; percent: number }>) =>
      Object.fromEntries(
        Object.entries(table).map(([key, { selfMs, percent }]) => [
          key.slice(0, 90),
          { usPerRequest: Math.round((selfMs * 1000) / requests), percent },
        ]),
      );
    console.table(perRequest(summary.byArea));
    console.table(perRequest(summary.topFunctions));
  }
  console.log(`profiles in ${dir}`);
  devtools.close();
} finally {
  await connection.close();
  await stack.stop();
  await deleteQueueKeys(redis, stack.queuePrefix).catch(() => undefined);
  redis.disconnect();
}
