// `node --import tsx bench/insights-profile.ts <database url> [runs]`: the insights page's
// statement (issue 19) for the data set's typical user, run `runs` times one after the other on
// one connection as the web server runs it (prepared), and the CPU its PostgreSQL backend spent
// per run (/proc, for a server on this machine); then its EXPLAIN (ANALYZE, BUFFERS).
import { getInsights } from "@caseward/core";
import { createDatabase } from "@caseward/db/client";

import { cpuMsByPid } from "./api";
import { explainInsights } from "./explain";

const url = process.argv[2];
if (!url) throw new Error("usage: bench/insights-profile.ts <database url> [runs]");
const runs = Number(process.argv[3] ?? 500);
const connection = createDatabase(url, { max: 1 });
const db = connection.db;
try {
  // The typical user: the median number of contacts.
  const [typical] = await db.$client<{ ownerId: string; contacts: number }[]>`
    select owner_id as "ownerId", count(*)::int as contacts from contacts group by owner_id
    order by count(*) offset (select count(distinct owner_id) / 2 from contacts) limit 1`;
  const [backend] = await db.$client<{ pid: number }[]>`select pg_backend_pid() as pid`;
  const pid = backend!.pid;
  const planMode = process.argv.find((arg) => arg.startsWith("--plan="))?.slice(7);
  if (planMode) await db.$client.unsafe(`set plan_cache_mode = force_${planMode}_plan`);
  for (let i = 0; i < 20; i++) await getInsights(db, typical!.ownerId, {});
  const before = (await cpuMsByPid([pid])).get(pid)!;
  const started = performance.now();
  const processBefore = process.cpuUsage();
  for (let i = 0; i < runs; i++) await getInsights(db, typical!.ownerId, {});
  const wall = performance.now() - started;
  const processCpu = process.cpuUsage(processBefore);
  const spent = (await cpuMsByPid([pid])).get(pid)! - before;
  console.log(
    JSON.stringify({
      contacts: typical!.contacts,
      runs,
      wallMsPerRun: Math.round((wall / runs) * 100) / 100,
      databaseCpuMsPerRun: Math.round((spent / runs) * 100) / 100,
      nodeCpuMsPerRun:
        Math.round(((processCpu.user + processCpu.system) / 1000 / runs) * 100) / 100,
    }),
  );
  if (process.argv.includes("--explain")) console.log(await explainInsights(db, typical!.ownerId));
} finally {
  await connection.close();
}
