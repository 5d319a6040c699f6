// The api part of `pnpm bench`: the dashboard's case list and a case page through tRPC over
// HTTP, each at the same number of concurrent connections, one after the other, and the same
// load on /api/ping (a route of the same server doing nothing): the framework's floor.
import { readdir, readFile } from "node:fs/promises";

import autocannon from "autocannon";
import { SingleBar } from "cli-progress";

import { stats } from "./timing";

export interface RouteFigures {
  label: string;
  path: string;
  requests: number;
  requestsPerSecond: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  errors: number;
  /** CPU time of the web server (its process and children) per request: ms. */
  serverCpuMsPerRequest?: number;
  /** CPU time of the PostgreSQL backends serving the stack's database per request: ms. */
  databaseCpuMsPerRequest?: number;
  /** The web server's CPU over the measure (ms); the same for PostgreSQL. */
  serverCpuMs?: number;
  databaseCpuMs?: number;
  /** With rounds: each round's own figures, in order. */
  byRound?: RouteFigures[];
}

/** User + system CPU ms of each process in `pids` (Linux /proc; gone ones are left out). */
export async function cpuMsByPid(pids: readonly number[]) {
  const byPid = new Map<number, number>();
  for (const pid of pids) {
    const stat = await readFile(`/proc/${pid}/stat`, "utf8").catch(() => "");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    if (fields.length < 13) continue;
    byPid.set(pid, ((Number(fields[11]) + Number(fields[12])) * 1000) / 100);
  }
  return byPid;
}

/**
 * The CPU the backends of one database spent between two calls (ms), for a PostgreSQL server on
 * this machine: `backends` lists their process ids (pg_stat_activity). A backend that appeared
 * in between counts whole; one that ended in between is lost (the stack's pool keeps its own).
 */
export function databaseCpuMeter(backends: () => Promise<number[]>) {
  return async () => {
    const before = await cpuMsByPid(await backends());
    return async () => {
      const after = await cpuMsByPid(await backends());
      let ms = 0;
      for (const [pid, cpu] of after) ms += cpu - (before.get(pid) ?? 0);
      return ms;
    };
  };
}

/** User + system CPU ms of `pid` and every process under it (Linux /proc). */
export async function treeCpuMs(pid: number) {
  const stats = new Map<number, { parent: number; ticks: number }>();
  for (const entry of await readdir("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await readFile(`/proc/${entry}/stat`, "utf8").catch(() => "");
    // The command name is in parentheses and may hold spaces: fields start after it.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    if (fields.length < 13) continue;
    stats.set(Number(entry), {
      parent: Number(fields[1]),
      ticks: Number(fields[11]) + Number(fields[12]),
    });
  }
  const inTree = (id: number): boolean => {
    for (let at = id, hops = 0; at > 1 && hops < 50; hops++) {
      if (at === pid) return true;
      at = stats.get(at)?.parent ?? 0;
    }
    return false;
  };
  let ticks = 0;
  for (const [id, stat] of stats) if (inTree(id)) ticks += stat.ticks;
  return (ticks * 1000) / 100;
}

/** A tRPC query as the client sends it over GET: superjson's envelope in `input`. */
export const trpcPath = (procedure: string, input: unknown) =>
  `/api/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;

/** A route under load; `headers` beside the session cookie (e.g. `Cache-Control: no-cache`). */
export interface BenchRoute {
  label: string;
  path: string;
  headers?: Record<string, string>;
}

async function load(
  baseUrl: string,
  { headers, ...route }: BenchRoute,
  options: { cookie: string; connections: number; seconds: number },
): Promise<RouteFigures> {
  const samples: number[] = [];
  const bar = new SingleBar({
    format: `  ${route.label.padEnd(24)} {bar} {value}/{total} s | {requests} requests`,
    hideCursor: true,
    clearOnComplete: false,
  });
  bar.start(options.seconds, 0, { requests: 0 });
  let seconds = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: `${baseUrl}${route.path}`,
        connections: options.connections,
        duration: options.seconds,
        headers: { ...headers, cookie: options.cookie },
      },
      (error, done) => (error ? reject(error as Error) : resolve(done)),
    );
    instance.on("tick", () => bar.update(++seconds, { requests: samples.length }));
    instance.on("response", (_client, _status, _bytes, responseTime) => samples.push(responseTime));
  });
  bar.stop();
  const latency = stats(samples);
  return {
    ...route,
    requests: samples.length,
    requestsPerSecond: Math.round((samples.length / options.seconds) * 10) / 10,
    p50Ms: latency.median,
    p95Ms: latency.p95,
    p99Ms: latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

/**
 * Each route under the same load, the floor first; a short warm-up per route (JIT, plans).
 * With `rounds` > 1 the routes are measured in turn, round after round (floor, list, …, then
 * the floor again, list again, …), `seconds` each time: a stall of the machine or a drift of
 * its speed lands in one round of every route rather than in one route's whole measure, and
 * each round's ratios divide by that round's own floor (`byRound`).
 */
export async function benchApi(
  baseUrl: string,
  routes: BenchRoute[],
  options: {
    cookie: string;
    connections: number;
    seconds: number;
    rounds?: number;
    serverPid?: number;
    /** Starts measuring the database's CPU; its answer, called after, gives the ms spent. */
    databaseCpu?: () => Promise<() => Promise<number>>;
  },
) {
  const rounds = Math.max(1, options.rounds ?? 1);
  for (const route of routes) {
    const warm = await fetch(`${baseUrl}${route.path}`, {
      headers: { ...route.headers, cookie: options.cookie },
    });
    if (!warm.ok) throw new Error(`${route.label} answered ${warm.status}: ${await warm.text()}`);
    if (rounds > 1) await load(baseUrl, route, { ...options, seconds: 2 });
  }
  const byRound: RouteFigures[][] = routes.map(() => []);
  for (let round = 0; round < rounds; round++) {
    for (const [i, route] of routes.entries()) {
      // One round: a warm-up of its own (as the single measure always had).
      if (rounds === 1) await load(baseUrl, route, { ...options, seconds: 2 });
      // The server's own CPU per request: unlike latency, hardly moved by other load on the machine.
      const cpuBefore = options.serverPid ? await treeCpuMs(options.serverPid) : 0;
      const databaseSpent = await options.databaseCpu?.();
      const measured = await load(baseUrl, route, options);
      if (options.serverPid) {
        const cpu = (await treeCpuMs(options.serverPid)) - cpuBefore;
        measured.serverCpuMsPerRequest = Math.round((cpu / measured.requests) * 100) / 100;
        measured.serverCpuMs = cpu;
      }
      if (databaseSpent) {
        const cpu = await databaseSpent();
        measured.databaseCpuMsPerRequest = Math.round((cpu / measured.requests) * 100) / 100;
        measured.databaseCpuMs = cpu;
      }
      byRound[i]!.push(measured);
    }
  }
  return routes.map((route, i) => combineRounds(byRound[i]!));
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};
const hundredths = (value: number) => Math.round(value * 100) / 100;

/**
 * A route's figures over its rounds: latencies are the median of the rounds' own (one
 * disturbed round does not move them), requests and CPU the sums (CPU per request over all).
 */
function combineRounds(rounds: RouteFigures[]): RouteFigures {
  if (rounds.length === 1) return rounds[0]!;
  const requests = rounds.reduce((sum, r) => sum + r.requests, 0);
  const cpu = rounds.every((r) => r.serverCpuMs !== undefined)
    ? rounds.reduce((sum, r) => sum + r.serverCpuMs!, 0)
    : undefined;
  const database = rounds.every((r) => r.databaseCpuMs !== undefined)
    ? rounds.reduce((sum, r) => sum + r.databaseCpuMs!, 0)
    : undefined;
  return {
    label: rounds[0]!.label,
    path: rounds[0]!.path,
    requests,
    requestsPerSecond: hundredths(median(rounds.map((r) => r.requestsPerSecond))),
    p50Ms: hundredths(median(rounds.map((r) => r.p50Ms))),
    p95Ms: hundredths(median(rounds.map((r) => r.p95Ms))),
    p99Ms: hundredths(median(rounds.map((r) => r.p99Ms))),
    errors: rounds.reduce((sum, r) => sum + r.errors, 0),
    serverCpuMsPerRequest: cpu === undefined ? undefined : hundredths(cpu / requests),
    databaseCpuMsPerRequest: database === undefined ? undefined : hundredths(database / requests),
    byRound: rounds.map(({ byRound: _nested, ...round }) => round),
  };
}

/**
 * `route`'s p95 over the floor's: with rounds, the median of each round's ratio (that round's
 * p95 over that round's floor), else the two p95s divided. To a hundredth.
 */
export function p95OverFloor(route: RouteFigures, floor: RouteFigures) {
  if (route.byRound && floor.byRound && route.byRound.length === floor.byRound.length) {
    return hundredths(median(route.byRound.map((r, i) => r.p95Ms / floor.byRound![i]!.p95Ms)));
  }
  return hundredths(route.p95Ms / floor.p95Ms);
}

/** The same for CPU per request: the median of the rounds' ratios, else the two divided. */
export function cpuOverFloor(route: RouteFigures, floor: RouteFigures) {
  const ratio = (r: RouteFigures, f: RouteFigures) =>
    r.serverCpuMsPerRequest && f.serverCpuMsPerRequest
      ? r.serverCpuMsPerRequest / f.serverCpuMsPerRequest
      : undefined;
  if (route.byRound && floor.byRound && route.byRound.length === floor.byRound.length) {
    const ratios = route.byRound.map((r, i) => ratio(r, floor.byRound![i]!));
    if (ratios.every((x) => x !== undefined)) return hundredths(median(ratios as number[]));
  }
  const whole = ratio(route, floor);
  return whole === undefined ? undefined : hundredths(whole);
}
