// Bursts only (no worker, no steady part, not part of `pnpm bench`): the receiver under several
// settings against the floor, interleaved, on one database, to choose the receiver's defaults
// (issue 15). `node --import tsx bench/inbound-sweep.ts p1s0 p1s1 p2s1 --rounds=2`, each config
// `p<processes>[f<commits in flight>][w<window ms>][g<semi-space MB>][s0|s1]` (s0: the raw-message tables as before
// migration 0021, s1: as after). Each round and config: the same warm-up as the bench, then
// floor, receiver, receiver, floor (500 messages each). Besides the ratio it prints the CPU
// the receiver's processes used per message, and with PG_DATA (the data folder of a server of
// your own, that nothing else uses) PostgreSQL's; with PGSS_URL (a database of that server
// with pg_stat_statements) the store statement's time, WAL and blocks dirtied per message.
import { randomBytes } from "node:crypto";
import { readFileSync, readdirSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";

import { queues } from "@caseward/core/jobs";
import { startFaultStack } from "@caseward/services/fault-stack";
import { spawnInbound } from "@caseward/services/inbound-process";
import { spawnSmtpFloor } from "@caseward/services/smtp-floor";
import { testServices } from "@caseward/services/test-services";
import { sql } from "@caseward/db";
import { createDatabase } from "@caseward/db/client";

import { benchMessages, burst, clientWarmUp, combined, seedInboundPeople } from "./inbound";
import { benchKeyRing } from "./seed-keys";

/** CPU ms (user + system) of the processes `pick` chooses by their /proc stat fields. */
function cpuMs(pick: (fields: string[], pid: number) => boolean) {
  let ticks = 0;
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (pick(fields, Number(name))) ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // gone meanwhile
    }
  }
  return ticks * 10;
}
const postmaster = process.env.PG_DATA
  ? Number(readFileSync(`${process.env.PG_DATA}/postmaster.pid`, "utf8").split("\n")[0])
  : 0;
// fields[1] is the parent pid, fields[2] the process group.
const pgCpu = () => cpuMs((f, pid) => pid === postmaster || Number(f[1]) === postmaster);

const configs = process.argv.slice(2).filter((a) => !a.startsWith("--"));
const rounds = Number(process.argv.find((a) => a.startsWith("--rounds="))?.split("=")[1] ?? 2);
const alter = process.argv.find((a) => a.startsWith("--sql="))?.slice(6);
const domain = "inbound.localhost";
benchKeyRing();
const services = await testServices(join(import.meta.dirname, "../.data"));
const stack = await startFaultStack({
  database: "caseward_bench_inbound_sweep",
  serverUrl: services.postgresServerUrl,
  redisUrl: services.redisUrl,
  queuePrefix: `cwsweep${randomBytes(4).toString("hex")}`,
  queueNames: Object.values(queues),
  smtp: { headersOnly: true },
});
const floor = await spawnSmtpFloor();
try {
  const { db } = stack;
  if (alter) await db.execute(sql.raw(alter));
  const people = await seedInboundPeople(db);
  const made = (label: string, n: number) =>
    benchMessages(people, `${label}-${randomBytes(4).toString("hex")}`, n);
  const results: Record<string, number[]> = {};
  // PGSS_URL: a database of a server with pg_stat_statements, for the insert's own cost.
  const pgss = process.env.PGSS_URL ? createDatabase(process.env.PGSS_URL, { max: 1 }) : null;
  const statementCost = async () => {
    if (!pgss) return "";
    const rows = await pgss.db.execute<{
      calls: string;
      rows: string;
      ms: string;
      wal: string;
      blks: string;
    }>(
      sql.raw(`select sum(calls) as calls, sum(rows) as rows, round(sum(total_exec_time)::numeric, 1) as ms,
        sum(wal_bytes) as wal, sum(shared_blks_dirtied) as blks from pg_stat_statements where query like 'with input%'`),
    );
    await pgss.db.execute(sql.raw("select pg_stat_statements_reset()"));
    const r = rows[0]!;
    const per = (v: string) => (Number(v) / Math.max(1, Number(r.rows))).toFixed(3);
    return `insert: ${r.calls} statements, ${r.rows} rows, ${per(r.ms)} ms/row, ${per(r.wal)} WAL bytes/row, ${per(r.blks)} blocks dirtied/row`;
  };
  await statementCost();
  // As the bench: the client warmed up on the floor first (the first config is not taken cold).
  await burst(floor.port, 10, made("client", clientWarmUp));
  for (let r = 0; r < rounds; r++) {
    for (const config of configs) {
      const processes = /p(\d+)/.exec(config)?.[1] ?? "1";
      const inFlight = /f(\d+)/.exec(config)?.[1];
      const window = /w(\d+)/.exec(config)?.[1];
      // g<MB>: the receiver's young generation (`--max-semi-space-size`; node's default otherwise).
      const semiSpace = /g(\d+)/.exec(config)?.[1];
      // s0: the schema before 0021 (inbox index on every row, chunks out of line); s1: after.
      if (config.includes("s0")) {
        for (const statement of [
          "drop index if exists inbound_messages_inbox_idx",
          "create index if not exists inbound_messages_owner_state_idx on inbound_messages (owner_id, state, received_at)",
          "alter table inbound_raw_chunks alter column sealed set storage external",
        ])
          await stack.db.execute(sql.raw(statement));
      } else if (config.includes("s1")) {
        for (const statement of [
          "drop index if exists inbound_messages_owner_state_idx",
          "create index if not exists inbound_messages_inbox_idx on inbound_messages (owner_id, received_at) where state = 'inbox'",
          "alter table inbound_raw_chunks alter column sealed set storage main",
        ])
          await stack.db.execute(sql.raw(statement));
      }
      const receiver = await spawnInbound({
        databaseUrl: stack.databaseUrl,
        redisUrl: stack.redisUrl,
        queuePrefix: stack.prefix,
        domain,
        nodeArgs: semiSpace ? [`--max-semi-space-size=${semiSpace}`] : undefined,
        env: {
          INBOUND_PROCESSES: processes,
          INBOUND_COMMITS_IN_FLIGHT: inFlight,
          INBOUND_COMMIT_WINDOW_MS: window,
        },
      });
      const warm = made("warm", 200);
      await burst(floor.port, 10, warm);
      await burst(receiver.port, 10, warm);
      const a = made("a", 500);
      const b = made("b", 500);
      const f1 = await burst(floor.port, 10, a);
      const rxCpu = () => cpuMs((f) => Number(f[2]) === receiver.pid);
      const before = { rx: rxCpu(), pg: pgCpu() };
      const r1 = await burst(receiver.port, 10, a);
      const r2 = await burst(receiver.port, 10, b);
      const used = { rx: rxCpu() - before.rx, pg: pgCpu() - before.pg };
      const f2 = await burst(floor.port, 10, b);
      const atFloor = combined([f1, f2]);
      const accepted = combined([r1, r2]);
      const bad = accepted.codes.filter((c) => c !== 250).length;
      receiver.kill("SIGTERM");
      await receiver.exited;
      const ratio = accepted.perSecond / atFloor.perSecond;
      (results[config] ??= []).push(ratio);
      console.log(await statementCost());
      console.log(
        `${config} round ${r + 1}: receiver ${accepted.perSecond}/s (${accepted.rounds.join(", ")}), ` +
          `floor ${atFloor.perSecond}/s (${atFloor.rounds.join(", ")}), ratio ${ratio.toFixed(2)}, ` +
          `CPU ms/message receiver ${(used.rx / 1000).toFixed(2)} postgres ${(used.pg / 1000).toFixed(2)}, ` +
          `not 250: ${bad}, load ${loadavg()
            .map((l) => l.toFixed(1))
            .join(" ")}`,
      );
    }
  }
  for (const [config, ratios] of Object.entries(results)) {
    console.log(`${config}: ${ratios.map((r) => r.toFixed(2)).join(" ")}`);
  }
  await pgss?.close();
} finally {
  await floor.stop();
  await stack.stop();
  await services.stop();
}
