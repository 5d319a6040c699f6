// The api part of `pnpm bench`: the dashboard's case list and a case page through tRPC over
// HTTP, each at the same number of concurrent connections, one after the other, and the same
// load on /api/ping (a route of the same server doing nothing): the framework's floor.
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
}

/** A tRPC query as the client sends it over GET: superjson's envelope in `input`. */
export const trpcPath = (procedure: string, input: unknown) =>
  `/api/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;

async function load(
  baseUrl: string,
  route: { label: string; path: string },
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
        headers: { cookie: options.cookie },
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

/** Each route under the same load, the floor first; a short warm-up per route (JIT, plans). */
export async function benchApi(
  baseUrl: string,
  routes: { label: string; path: string }[],
  options: { cookie: string; connections: number; seconds: number },
) {
  const figures: RouteFigures[] = [];
  for (const route of routes) {
    const warm = await fetch(`${baseUrl}${route.path}`, { headers: { cookie: options.cookie } });
    if (!warm.ok) throw new Error(`${route.label} answered ${warm.status}: ${await warm.text()}`);
    await load(baseUrl, route, { ...options, seconds: 2 });
    figures.push(await load(baseUrl, route, options));
  }
  return figures;
}
