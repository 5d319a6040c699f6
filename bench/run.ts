// `pnpm bench [--quick]`: search latency of the dashboard on one person's large history, in a
// throwaway database that is dropped at the end, also when something fails; then the timers:
// a burst of due deadlines fired by two real worker processes (bench/timers.ts).
// `--only=search` or `--only=timers` runs one part; `--profile-workers` adds CPU profiles.
import { mkdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

import { listCases } from "@caseward/core";
import { createDatabase } from "@caseward/db/client";
import { createTestDatabase } from "@caseward/db/test-database";

import { benchQueries } from "./corpus";
import { explainSearch } from "./explain";
import type { SeedSize } from "./seed";
import { seed, settle } from "./seed";
import type { TimersSummary } from "./timers";
import { benchTimers } from "./timers";
import type { Stats } from "./timing";
import { stats, time } from "./timing";
import { testServices } from "../scripts/services.mjs";

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
const size: SeedSize = { companies: 200, cases: 2_000, contacts: quick ? 1_000 : 10_000 };
const timerCount = quick ? 1_000 : 10_000;
const runsPerQuery = 50;
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

async function main() {
  if (only && only !== "search" && only !== "timers") throw new Error(`--only=search|timers`);
  let results: Record<string, unknown> = { date, quick, neighbours };
  let line: Record<string, unknown> = { quick, neighbours };
  if (only !== "timers") {
    const search = await benchSearch();
    results = search.results;
    line = search.line;
  }
  if (only !== "search") {
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
    const t = timers.summary;
    console.log(
      `\nTimers: ${t.count.toLocaleString("en")} due at once → ${t.firedPerSecond} fired/s ` +
        `(no-op floor ${t.baselineNoopJobsPerSecond} jobs/s), lateness p50 ${t.latenessP50Ms} ms, ` +
        `p99 ${t.latenessP99Ms} ms, ${t.duplicateEmails} duplicate, ${t.lostEmails} lost → ${resultsFile}`,
    );
  }
  console.log(JSON.stringify(line));
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
