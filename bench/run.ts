// `pnpm bench [--quick]`: search latency of the dashboard on one person's large history, in a
// throwaway database that is dropped at the end, also when something fails; then the api: the
// production build and a real worker on many people's data, the case list and a case page
// under load beside the framework's floor (bench/api.ts), and what pending timers cost in
// memory (bench/memory.ts); then the timers: a burst of due deadlines fired by two real worker
// processes (bench/timers.ts). Its last line is one JSON object of the figures.
// Then the files: a 25 MB recording uploaded and downloaded through the web app (bench/files.ts).
// Then the inbound mail: the SMTP receiver and a worker filing, beside a bare smtp-server
// (bench/inbound.ts).
// Then the pages: mobile Lighthouse on the production build, signed in (bench/pages.ts).
// `--only=search|api|timers|files|inbound|pages` runs one part (`--only=insights`: the api part's
// floors and insights routes only, without its memory part: minutes less on the full data set); `--profile-workers` adds CPU profiles;
// `--full` seeds the api's data set at the issue's full size (10,000 people, 1,000,000 cases,
// 5,000,000 contacts; about half an hour here), `--users=N --cases=N --contacts=N` any size;
// `--database=<url>` uses a data set loaded before by `pnpm seed:bench` (migrated, kept), and
// adds only the typical person, with that data set's average load.
import { mkdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

import { listCases } from "@caseward/core";
import { createDatabase } from "@caseward/db/client";
import { migrateDatabase } from "@caseward/db/migrate";
import { connectRedis, deleteQueueKeys } from "@caseward/services/redis";
import { createTestDatabase } from "@caseward/services/test-database";
import { testServices } from "@caseward/services/test-services";

import type { BenchRoute, RouteFigures } from "./api";
import { barChart, lineChart } from "./chart";
import {
  benchApi,
  cpuOverFloor as cpuRatio,
  databaseCpuMeter,
  p95OverFloor,
  trpcPath,
} from "./api";
import type { FilesSummary } from "./files";
import { benchFiles, benchStorage, benchThumbnails } from "./files";
import { benchQueries } from "./corpus";
import type { InboundSummary } from "./inbound";
import { benchInbound } from "./inbound";
import type { PagesSummary } from "./pages";
import { benchPages } from "./pages";
import { explainInsights, explainSearch } from "./explain";
import { benchMemory } from "./memory";
import type { SeedSize } from "./seed";
import { seed, settle } from "./seed";
import type { BenchDataSize } from "./seed-bench";
import { fullDataSize, quickDataSize, seedBenchData } from "./seed-bench";
import { ensureWebBuild, signUp, startStack } from "./stack";
import type { TimersSummary } from "./timers";
import { benchTimers } from "./timers";
import { summariseProfiles } from "./timers-profile";
import { probeHost } from "./host";
import type { Stats } from "./timing";
import { stats, time } from "./timing";

const quick = process.argv.includes("--quick");
/** Leaves the database in place to try queries by hand (`psql <url>`); drop it yourself. */
const keep = process.argv.includes("--keep");
// Other people with histories of the same size: the GIN indexes hold everyone's rows, so this
// shows what owner scoping costs on a shared server. `--neighbours=9`; none by default.
const neighbours = Number(
  process.argv.find((arg) => arg.startsWith("--neighbours="))?.split("=")[1] ?? 0,
);
const only = process.argv.find((arg) => arg.startsWith("--only="))?.split("=")[1];
const profileWorkers = process.argv.includes("--profile-workers");
// CPU profile of the web server (`next start`) over the whole api part: where a request's
// time goes beside the floor's.
const profileWeb = process.argv.includes("--profile-web");
const size: SeedSize = { companies: 200, cases: 2_000, contacts: quick ? 1_000 : 10_000 };
const timerCount = quick ? 1_000 : 10_000;
const runsPerQuery = 50;
const flag = (name: string) => {
  const value = process.argv.find((arg) => arg.startsWith(`--${name}=`))?.split("=")[1];
  return value === undefined ? undefined : Number(value.replaceAll("_", ""));
};
// The default is a fifth of the issue's size: the full one takes about half an hour to load on
// this 2-core machine (`--full`).
const apiBase: BenchDataSize = quick
  ? quickDataSize
  : process.argv.includes("--full")
    ? fullDataSize
    : { users: 2_000, cases: 200_000, contacts: 1_000_000 };
const apiSize: BenchDataSize = {
  users: flag("users") ?? apiBase.users,
  cases: flag("cases") ?? apiBase.cases,
  contacts: flag("contacts") ?? apiBase.contacts,
};
const seededDatabase = process.argv.find((arg) => arg.startsWith("--database="))?.slice(11);
const apiConnections = 50;
// The routes are measured in turn, `apiRounds` times each (bench/api.ts): a ratio is the median
// of its rounds' ratios, each over the floor of the same round. `--rounds=1` is the old method.
const apiRounds = flag("rounds") ?? 3;
const apiSeconds = flag("seconds") ?? (quick ? 6 : 10);
const pendingTimers = 100_000;
const port = Number(process.env.BENCH_PORT ?? process.env.E2E_PORT ?? 3310);
const services = await testServices(join(import.meta.dirname, "../.data"));
const serverUrl = services.postgresServerUrl;
const redisUrl = services.redisUrl;
const date = new Date().toISOString();
const resultsFile = join(
  import.meta.dirname,
  "results",
  `${date.replaceAll(":", "-").replace(/\.\d+Z$/, "Z")}${quick ? "-quick" : ""}${neighbours ? `-neighbours-${neighbours}` : ""}${only ? `-${only}` : ""}.json`,
);

async function writeResults(results: object) {
  await mkdir(dirname(resultsFile), { recursive: true });
  await writeFile(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
}

/** A chart beside the results file: `<results>-<name>.svg`. */
async function writeChart(name: string, svg: string) {
  const file = resultsFile.replace(/\.json$/, `-${name}.svg`);
  await writeFile(file, svg);
  return file;
}

async function main() {
  if (only && !["search", "api", "insights", "timers", "files", "inbound", "pages"].includes(only))
    throw new Error(`--only=search|api|insights|timers|files|inbound|pages`);
  // The machine's state before and after (./host.ts): a run on a slow hour reads as one.
  const hostAtStart = probeHost();
  console.log(
    `Host: ${hostAtStart.freshPageMicros} µs a fresh page (${hostAtStart.residentPageMicros} µs resident), load ${hostAtStart.loadAverage}`,
  );
  let results: Record<string, unknown> = { date, quick, neighbours, host: { start: hostAtStart } };
  let line: Record<string, unknown> = { quick, neighbours };
  if (!only || only === "search") {
    const search = await benchSearch();
    results = search.results;
    line = { search: search.line };
  }
  if (!only || only === "api" || only === "insights") {
    const api = await benchStack(only === "insights");
    results = { ...results, api: api.details, memory: api.memory };
    line = { ...line, api: api.summary, memory: api.memorySummary };
    await writeResults(results);
    const chart = await writeChart(
      "api",
      barChart({
        title: `Latency at ${apiConnections} connections (${api.details.size.contacts.toLocaleString("en")} contacts)`,
        unit: "ms",
        series: ["p50", "p95"],
        rows: api.details.routes.map((r) => ({ label: r.label, values: [r.p50Ms, r.p95Ms] })),
      }),
    );
    console.log(`Chart: ${chart}`);
  }
  if (!only || only === "timers") {
    const timers = await benchTimers({
      count: timerCount,
      serverUrl,
      redisUrl,
      profileDir: profileWorkers
        ? join(tmpdir(), `caseward-worker-profiles-${Date.now()}`)
        : undefined,
    });
    results = { ...results, timers: { ...timers.summary, ...timers.details } };
    line = { ...line, timers: timers.summary satisfies TimersSummary };
    await writeResults(results);
    const chart = await writeChart(
      "timers",
      lineChart({
        title: `${timerCount.toLocaleString("en")} timers due at once: fired and emailed over time`,
        xUnit: "ms",
        yLabel: "timers",
        series: [
          { name: "fired (in PostgreSQL)", points: timers.details.curves.fired },
          { name: "email received", points: timers.details.curves.received },
        ],
      }),
    );
    console.log(`Chart: ${chart}`);
    const t = timers.summary;
    console.log(
      `\nTimers: ${t.count.toLocaleString("en")} due at once → ${t.firedPerSecond} fired/s ` +
        `(no-op floor ${t.baselineNoopJobsPerSecond} jobs/s), lateness p50 ${t.latenessP50Ms} ms, ` +
        `p99 ${t.latenessP99Ms} ms, ${t.duplicateEmails} duplicate, ${t.lostEmails} lost → ${resultsFile}`,
    );
  }
  if (!only || only === "files") {
    const files = await benchFileStorage();
    results = { ...results, files: files.details };
    line = { ...line, files: files.summary satisfies FilesSummary };
    await writeResults(results);
  }
  if (!only || only === "inbound") {
    const inbound = await benchInbound({
      serverUrl,
      redisUrl,
      burst: quick ? 500 : 2_000,
      steadySeconds: quick ? 10 : 30,
      profileDir: profileWorkers
        ? join(tmpdir(), `caseward-inbound-profiles-${Date.now()}`)
        : undefined,
    });
    results = { ...results, inbound: inbound.details };
    line = { ...line, inbound: inbound.summary satisfies InboundSummary };
    await writeResults(results);
  }
  if (!only || only === "pages") {
    // Lighthouse's figures move by a few points from one run to the next: the median of three
    // (one in the quick run).
    const pages = await benchPages({
      serverUrl,
      redisUrl,
      port,
      runs: flag("pages-runs") ?? (quick ? 1 : 3),
    });
    results = { ...results, pages: pages.details };
    line = { ...line, pages: pages.summary satisfies PagesSummary };
    await writeResults(results);
  }
  const hostAtEnd = probeHost();
  results = { ...results, host: { start: hostAtStart, end: hostAtEnd } };
  line = {
    ...line,
    host: {
      freshPageMicrosAtStart: hostAtStart.freshPageMicros,
      freshPageMicrosAtEnd: hostAtEnd.freshPageMicros,
    },
  };
  // The file holds the details and, as `summary`, the same object as the last line.
  await writeResults({ ...results, summary: line });
  console.log(JSON.stringify(line));
}

/**
 * The production build and a real worker on a database of many people; one of them signed up
 * through the app with a typical load. The case list, a case page and the floor under load,
 * then what 100,000 pending timers cost in Redis and in the worker.
 */
async function benchStack(insightsOnly = false) {
  const build = await ensureWebBuild();
  const webProfileDir = profileWeb
    ? join(tmpdir(), `caseward-web-profiles-${Date.now()}`)
    : undefined;
  if (seededDatabase) await migrateDatabase(seededDatabase);
  const stack = await startStack({
    serverUrl,
    redisUrl,
    port,
    databaseUrl: seededDatabase,
    webNodeArgs: webProfileDir ? ["--cpu-prof", `--cpu-prof-dir=${webProfileDir}`] : undefined,
  });
  const dropOnSignal = () => void stack.stop().finally(() => process.exit(130));
  process.once("SIGINT", dropOnSignal);
  process.once("SIGTERM", dropOnSignal);
  const redis = connectRedis(redisUrl);
  const connection = createDatabase(stack.databaseUrl, { max: 1 });
  try {
    const person = await signUp(stack.baseUrl);
    const size = seededDatabase ? await sizeOf(connection.db.$client) : apiSize;
    console.log(
      `\nAPI: production build on ${stack.baseUrl}, database of ` +
        `${size.users.toLocaleString("en")} people, ${size.cases.toLocaleString("en")} cases, ` +
        `${size.contacts.toLocaleString("en")} contacts${seededDatabase ? " (seeded before)" : ""}`,
    );
    const seeded = await seedBenchData(
      connection.db.$client,
      // In a data set seeded before: the typical person only, at its average load.
      seededDatabase
        ? {
            users: 1,
            cases: Math.round(size.cases / size.users),
            contacts: Math.round(size.contacts / size.users),
          }
        : apiSize,
      { existingUserIds: [person.userId], addToExisting: Boolean(seededDatabase) },
    );
    console.log(
      `Seeded in ${seeded.seconds} s: ${Object.entries(seeded.rows)
        .map(([table, n]) => `${n.toLocaleString("en")} ${table}`)
        .join(", ")}`,
    );
    // The case page of a case with the typical number of contacts. The same case on every run:
    // case ids are random, so ties of the count are broken by the first contact's time (the
    // seed's, relative to its start), else each run measured whichever case of that count the
    // hash came to first — with or without deadlines, questions, a transcript.
    const [typical] = await connection.db.$client<{ caseId: string; contacts: number }[]>`
      select case_id as "caseId", count(*)::int as contacts from contacts
      where owner_id = ${person.userId} group by case_id order by count(*), min(started_at), case_id
      offset (select count(distinct case_id) / 2 from contacts where owner_id = ${person.userId})
      limit 1`;
    // The insights statement's plan for the typical person (its timing, buffers, indexes).
    const insightsPlan = await explainInsights(connection.db, person.userId);
    console.log(
      `Insights statement (EXPLAIN ANALYZE): ${/Execution Time: .*/.exec(insightsPlan)?.[0]}, ` +
        `contacts by ${/Index (Only )?Scan using contacts_\w+/.exec(insightsPlan)?.[0] ?? "a heap scan"}` +
        ` (${/Heap Fetches: \d+/.exec(insightsPlan)?.[0] ?? "no heap fetches"})`,
    );
    const load = {
      cookie: person.cookie,
      connections: apiConnections,
      seconds: apiSeconds,
      serverPid: stack.webPid,
    };
    console.log(
      `${apiConnections} connections, ${apiSeconds} s per route and round, ${apiRounds} round(s), after 2 s of warm-up (autocannon):`,
    );
    const routeList: [string, BenchRoute][] = [
      ["floor", { label: "floor (/api/ping)", path: "/api/ping" }],
      ["list", { label: "case list", path: trpcPath("dashboard.cases", {}) }],
      // What any signed-in tRPC query costs here (session, tRPC, one row): the part of the
      // list's ratio that is not the list's own.
      [
        "signedIn",
        { label: "signed-in floor (settings)", path: trpcPath("settings.get", undefined) },
      ],
      ["page", { label: "case page", path: trpcPath("case.byId", { caseId: typical!.caseId }) }],
      [
        "searched",
        { label: "case list, q=refund", path: trpcPath("dashboard.cases", { q: "refund" }) },
      ],
      // The insights page's one query (issue 19): every figure over the last 12 months, as
      // the page asks (remembered 5 s per user), and computed for every request.
      ["insights", { label: "insights", path: trpcPath("insights.overview", {}) }],
      [
        "insightsUncached",
        {
          label: "insights, not remembered",
          path: trpcPath("insights.overview", {}),
          headers: { "cache-control": "no-cache" },
        },
      ],
      // The floor once more, a minute later: how far the machine's load moved it meanwhile
      // (the ratios divide by the first; routes are measured one after the other).
      ["floorAgain", { label: "floor again (/api/ping)", path: "/api/ping" }],
    ];
    const insightsRoutes = ["floor", "signedIn", "insights", "insightsUncached", "floorAgain"];
    const measuredRoutes = routeList.filter(
      ([key]) => !insightsOnly || insightsRoutes.includes(key),
    );
    const routes = await benchApi(
      stack.baseUrl,
      measuredRoutes.map(([, route]) => route),
      {
        ...load,
        rounds: apiRounds,
        // PostgreSQL's own CPU per request: the backends of this database (the web server's
        // pool and the worker's), read from /proc as the server runs on this machine.
        databaseCpu: databaseCpuMeter(async () =>
          (
            await connection.db.$client<{ pid: number }[]>`
              select pid from pg_stat_activity
               where datname = current_database() and pid <> pg_backend_pid()
                 and backend_type = 'client backend'`
          ).map((row) => row.pid),
        ),
      },
    );
    const byKey = new Map(measuredRoutes.map(([key], i) => [key, routes[i]!]));
    const route = (key: string): Partial<RouteFigures> => byKey.get(key) ?? {};
    const floor = byKey.get("floor")!;
    const [list, signedIn, page, searched, insights, insightsUncached, floorAgain] = [
      "list",
      "signedIn",
      "page",
      "searched",
      "insights",
      "insightsUncached",
      "floorAgain",
    ].map(route) as Partial<RouteFigures>[] as [
      Partial<RouteFigures>,
      Partial<RouteFigures>,
      Partial<RouteFigures>,
      Partial<RouteFigures>,
      Partial<RouteFigures>,
      Partial<RouteFigures>,
      Partial<RouteFigures>,
    ];
    /** A route's p95 over the floor's, to a hundredth (none for a route not measured). */
    const overFloor = (r: Partial<RouteFigures>) =>
      r.p95Ms === undefined ? undefined : p95OverFloor(r as RouteFigures, floor);
    console.table(
      Object.fromEntries(
        routes.map((r) => [
          r.label,
          {
            "p50 ms": r.p50Ms,
            "p95 ms": r.p95Ms,
            "p99 ms": r.p99Ms,
            "req/s": r.requestsPerSecond,
            errors: r.errors,
            "p95 ÷ floor": overFloor(r),
            "server CPU ms/req": r.serverCpuMsPerRequest,
            "PostgreSQL CPU ms/req": r.databaseCpuMsPerRequest,
          },
        ]),
      ),
    );

    const memory = insightsOnly
      ? undefined
      : await benchMemory(redis, {
          prefix: stack.queuePrefix,
          workerPid: stack.workerPid,
          count: pendingTimers,
        });
    if (memory) {
      console.log(`\nMemory with ${pendingTimers.toLocaleString("en")} pending timers:`);
      console.table(memory);
    }

    const cpuOverFloor = (route: Partial<RouteFigures>) =>
      route.p95Ms === undefined ? undefined : cpuRatio(route as RouteFigures, floor);
    const summary = {
      casesListP50Ms: list.p50Ms,
      casesListP95Ms: list.p95Ms,
      floorP95Ms: floor.p95Ms,
      requestsPerSecond: list.requestsPerSecond,
      errors: routes.reduce((sum, r) => sum + r.errors, 0),
      casePageP50Ms: page.p50Ms,
      casePageP95Ms: page.p95Ms,
      floorP50Ms: floor.p50Ms,
      floorRequestsPerSecond: floor.requestsPerSecond,
      signedInFloorP95Ms: signedIn.p95Ms,
      casesListP95OverFloor: overFloor(list),
      // What a request costs the web server, beside the floor's: the part of the ratio that
      // other load on the machine does not move.
      casesListServerCpuMs: list.serverCpuMsPerRequest,
      floorServerCpuMs: floor.serverCpuMsPerRequest,
      casePageP95OverFloor: overFloor(page),
      casePageServerCpuMs: page.serverCpuMsPerRequest,
      // The case list searched for "refund": the blind index, the match and its snippets.
      searchP50Ms: searched.p50Ms,
      searchP95Ms: searched.p95Ms,
      searchP95OverFloor: overFloor(searched),
      searchServerCpuMs: searched.serverCpuMsPerRequest,
      insightsP50Ms: insights.p50Ms,
      insightsP95Ms: insights.p95Ms,
      insightsP95OverFloor: overFloor(insights),
      // The list's CPU per request over the floor's: what its p95 ratio follows when the web
      // server's one thread is the bottleneck, without the load that moves latency.
      casesListServerCpuOverFloor: cpuOverFloor(list),
      // The same for the search, the case page and the signed-in floor (session, tRPC, one row).
      searchServerCpuOverFloor: cpuOverFloor(searched),
      casePageServerCpuOverFloor: cpuOverFloor(page),
      signedInFloorServerCpuMs: signedIn.serverCpuMsPerRequest,
      floorAgainP95Ms: floorAgain.p95Ms,
      floorAgainServerCpuMs: floorAgain.serverCpuMsPerRequest,
      insightsServerCpuMs: insights.serverCpuMsPerRequest,
      // The same statement run for every request (`Cache-Control: no-cache`): what the page
      // costs when the remembered answer does not help (another filter, another user).
      insightsUncachedP50Ms: insightsUncached.p50Ms,
      insightsUncachedP95Ms: insightsUncached.p95Ms,
      insightsUncachedP95OverFloor: overFloor(insightsUncached),
      insightsUncachedServerCpuMs: insightsUncached.serverCpuMsPerRequest,
      // PostgreSQL's CPU per request (its backends for this database, from /proc): the part
      // of a route's cost the web server's figure leaves out.
      floorDatabaseCpuMs: floor.databaseCpuMsPerRequest,
      insightsDatabaseCpuMs: insights.databaseCpuMsPerRequest,
      insightsUncachedDatabaseCpuMs: insightsUncached.databaseCpuMsPerRequest,
    };
    return {
      summary,
      details: {
        ...summary,
        connections: apiConnections,
        seconds: apiSeconds,
        rounds: apiRounds,
        size,
        seededBefore: Boolean(seededDatabase),
        rows: seeded.rows,
        seedSeconds: seeded.seconds,
        build,
        typicalCaseContacts: typical!.contacts,
        // The size of its answer (bytes of JSON): what the page's CPU follows.
        typicalCaseBytes: await fetch(
          `${stack.baseUrl}${trpcPath("case.byId", { caseId: typical!.caseId })}`,
          {
            headers: { cookie: person.cookie },
          },
        )
          .then((answer) => answer.arrayBuffer())
          .then((body) => body.byteLength)
          .catch(() => undefined),
        insightsPlan,
        routes,
      },
      memory,
      memorySummary: memory && {
        workerRssMb: memory.workerRssMb,
        redisBytesPerTimer: memory.redisBytesPerTimer,
        pendingTimers,
        workerRssBytesPerTimer: memory.workerRssBytesPerTimer,
      },
    };
  } finally {
    process.off("SIGINT", dropOnSignal);
    process.off("SIGTERM", dropOnSignal);
    await connection.close();
    await stack.stop();
    // The 100,000 pending timers of the memory part, and the stack's queues: Redis is shared.
    await deleteQueueKeys(redis, stack.queuePrefix).catch(() => undefined);
    redis.disconnect();
    if (webProfileDir) {
      const profile = await summariseProfiles(webProfileDir);
      console.log(`\nWhere the web server's CPU went (${webProfileDir}):`);
      console.table(profile.byArea);
      console.table(profile.topFunctions);
    }
  }
}

/** A 25 MB file up and down through the production build, on a database of its own. */
async function benchFileStorage() {
  const build = await ensureWebBuild();
  const stack = await startStack({ serverUrl, redisUrl, port });
  const dropOnSignal = () => void stack.stop().finally(() => process.exit(130));
  process.once("SIGINT", dropOnSignal);
  process.once("SIGTERM", dropOnSignal);
  try {
    const person = await signUp(stack.baseUrl);
    const runs = quick ? 3 : 10;
    console.log(`\nFiles: a 25 MB recording up and down ${runs} times through ${stack.baseUrl}`);
    const fileBytes = 25 * 1024 * 1024;
    const files = await benchFiles({
      baseUrl: stack.baseUrl,
      cookie: person.cookie,
      webPid: stack.webPid,
      runs,
      fileBytes,
    });
    const storage = await benchStorage({ databaseUrl: stack.databaseUrl, runs, fileBytes });
    const thumbnails = await benchThumbnails(quick ? 3 : 10);
    const summary = { ...files.summary, ...storage, ...thumbnails };
    console.table({ "through the web app": files.summary });
    console.table({ "storage alone (25 MB)": storage, "thumbnail of 12 MP": thumbnails });
    return { summary, details: { ...files.details, ...storage, ...thumbnails, build } };
  } finally {
    process.off("SIGINT", dropOnSignal);
    process.off("SIGTERM", dropOnSignal);
    await stack.stop();
    const redis = connectRedis(redisUrl);
    await deleteQueueKeys(redis, stack.queuePrefix).catch(() => undefined);
    redis.disconnect();
  }
}

/** The people, cases and contacts of a data set seeded before (planner estimates: instant). */
async function sizeOf(sql: ReturnType<typeof createDatabase>["db"]["$client"]) {
  const rows = await sql<{ table: string; n: number }[]>`
    select relname as table, reltuples::bigint::float8 as n from pg_class
    where relname in ('users', 'cases', 'contacts') and relkind = 'r'
      and relnamespace = current_schema()::regnamespace`;
  const of = (table: string) => Math.round(rows.find((r) => r.table === table)?.n ?? 0);
  const size = { users: of("users"), cases: of("cases"), contacts: of("contacts") };
  if (size.users < 1 || size.cases < 1) throw new Error("--database: no seeded data set there");
  return size;
}

async function benchSearch() {
  const database = await createTestDatabase(serverUrl, "caseward_bench");
  const connection = createDatabase(database.url, { max: 2 });
  const dropOnSignal = () => {
    void connection.close().finally(() => database.drop().finally(() => process.exit(130)));
  };
  process.once("SIGINT", dropOnSignal);
  process.once("SIGTERM", dropOnSignal);
  try {
    const { db } = connection;
    console.log(
      `Database ${database.name}${quick ? " (quick)" : ""}${neighbours ? `, ${neighbours} neighbours` : ""}`,
    );
    const seeded = await seed(db, size);
    for (let person = 1; person <= neighbours; person++) await seed(db, size, person);
    await settle(db);
    const { userId } = seeded;
    console.log(
      `Seeded ${Object.entries(seeded.rows)
        .map(([table, n]) => `${n.toLocaleString("en")} ${table}`)
        .join(", ")}`,
    );

    const measured: { label: string; hits: number; stats: Stats }[] = [];
    const measure = async (label: string, filters: Parameters<typeof listCases>[2]) => {
      const list = await listCases(db, userId, filters);
      const samples = await time(() => listCases(db, userId, filters), runsPerQuery);
      measured.push({ label, hits: list.total, stats: stats(samples) });
      return samples;
    };

    const searchSamples: number[] = [];
    for (const q of benchQueries) searchSamples.push(...(await measure(`q=${q}`, { q })));
    await measure("no search", {});
    await measure(`q=refund, one company`, { q: "refund", companyId: seeded.companyIds[0] });
    await measure("status=awaiting_company", { status: "awaiting_company" });

    const explained = await explainSearch(db, userId, benchQueries[0]!);
    console.log(`\nEXPLAIN ANALYZE listCases q=${benchQueries[0]}:\n${explained.plan}\n`);
    for (const [index, used] of Object.entries(explained.used)) {
      console.log(
        used ? `✔ ${index} used` : `✘ ${index} not used (the planner found a scan cheaper)`,
      );
    }

    console.log(`\nlistCases, ${runsPerQuery} runs each after 5 warm-up runs (ms):`);
    console.table(
      Object.fromEntries(
        measured.map((m) => [
          m.label,
          { hits: m.hits, median: m.stats.median, p95: m.stats.p95, min: m.stats.min },
        ]),
      ),
    );

    const search = stats(searchSamples);
    const summary = {
      date,
      quick,
      neighbours,
      postgres: ((await db.$client`show server_version`)[0] as { server_version: string })
        .server_version,
      rows: seeded.rows,
      search: { queries: benchQueries.length, ...search },
      noSearch: measured.find((m) => m.label === "no search")!.stats,
      perQuery: measured,
      ginIndexesUsed: explained.used,
    };
    const results = { ...summary, plan: explained.plan };
    await writeResults(results);
    console.log(
      `\nSearch over ${seeded.rows.contacts.toLocaleString("en")} contacts: median ${search.median} ms, p95 ${search.p95} ms, min ${search.min} ms → ${resultsFile}`,
    );
    return {
      results,
      line: {
        contacts: seeded.rows.contacts,
        searchMedianMs: search.median,
        searchP95Ms: search.p95,
        searchMinMs: search.min,
        noSearchMedianMs: summary.noSearch.median,
        ginIndexesUsed: explained.used,
        quick,
        neighbours,
      },
    };
  } finally {
    process.off("SIGINT", dropOnSignal);
    process.off("SIGTERM", dropOnSignal);
    await connection.close();
    if (keep) console.error(`Kept ${database.url}`);
    else await database.drop();
  }
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => services.stop());
