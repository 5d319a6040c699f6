// Bursts only (no worker, no steady part, not part of `pnpm bench`): two or more builds of the
// receiver against the floor, interleaved, on one database, for A/B measurements of a change
// to the receiver (issue 15). Each variant is `label=<apps/inbound folder>[,node flag…]`, e.g.
//   node --import tsx bench/inbound-ab.ts base=/tmp/base/apps/inbound new=apps/inbound --rounds=3
// (a copy of the repository at the commit before the change, its node_modules included, is
// the usual A). Each round and variant: the bench's warm-up, then floor, receiver, receiver,
// floor (500 messages each, the same messages to both). Besides the ratio it prints the CPU
// the receiver's processes and its PostgreSQL backends used per message (from /proc), which
// a shared machine's load moves far less than the rates. `--profile=<dir>` writes each
// receiver's CPU profile there and prints where its time went.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { loadavg } from "node:os";
import { join, resolve } from "node:path";

import { queues } from "@caseward/core/jobs";
import { sql } from "@caseward/db";
import { startFaultStack } from "@caseward/services/fault-stack";
import { spawnSmtpFloor } from "@caseward/services/smtp-floor";
import { testServices } from "@caseward/services/test-services";

import { benchMessages, burst, clientWarmUp, combined, seedInboundPeople } from "./inbound";
import { benchKeyRing } from "./seed-keys";
import { summariseProfiles } from "./timers-profile";

/** CPU ms (user + system) of these processes. */
function cpuMs(pids: number[]) {
  let ticks = 0;
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // gone meanwhile
    }
  }
  return ticks * 10;
}

/** The receiver of `dir` (an apps/inbound folder), as production starts it; resolves its port. */
async function startReceiver(dir: string, nodeArgs: string[]) {
  const child = spawn(process.execPath, [...nodeArgs, "--import", "tsx", "src/index.ts"], {
    cwd: dir,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      PATH: process.env.PATH ?? "/usr/bin:/bin",
      HOME: process.env.HOME ?? "/tmp",
      NODE_ENV: "production",
      DATABASE_URL: stack.databaseUrl,
      ENCRYPTION_KEYS: process.env.ENCRYPTION_KEYS,
      REDIS_URL: stack.redisUrl,
      QUEUE_PREFIX: stack.prefix,
      INBOUND_DOMAIN: domain,
      INBOUND_SMTP_PORT: "0",
      LOG_LEVEL: "info",
    },
  });
  let output = "";
  const exited = new Promise<void>((done) => child.once("exit", () => done()));
  const port = await new Promise<number>((done, fail) => {
    const read = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-50_000);
      const m = /"port":(\d+)[^\n]*"msg":"inbound receiver listening"/.exec(output);
      if (m) done(Number(m[1]));
    };
    child.stdout.on("data", read);
    child.stderr.on("data", read);
    void exited.then(() => fail(new Error(output)));
  });
  return {
    pid: child.pid!,
    port,
    output: () => output,
    stop: async () => {
      child.kill("SIGTERM");
      await exited;
    },
  };
}

const variants = process.argv
  .slice(2)
  .filter((a) => !a.startsWith("--"))
  .map((arg) => {
    const [label, rest] = arg.split("=") as [string, string];
    const [dir, ...nodeArgs] = rest.split(",");
    return { label, dir: resolve(dir!), nodeArgs };
  });
const rounds = Number(process.argv.find((a) => a.startsWith("--rounds="))?.split("=")[1] ?? 2);
const burstSize = Number(process.argv.find((a) => a.startsWith("--burst="))?.split("=")[1] ?? 500);
const profileDir = process.argv.find((a) => a.startsWith("--profile="))?.slice(10);
const domain = "inbound.localhost";
benchKeyRing();
const services = await testServices(join(import.meta.dirname, "../.data"));
const stack = await startFaultStack({
  database: "caseward_bench_inbound_ab",
  serverUrl: services.postgresServerUrl,
  redisUrl: services.redisUrl,
  queuePrefix: `cwab${randomBytes(4).toString("hex")}`,
  queueNames: Object.values(queues),
  smtp: { headersOnly: true },
});
const floor = await spawnSmtpFloor();
/** The receiver's PostgreSQL backends: those of this database opened since it started. */
const backendPids = async (since: Date) => {
  const rows = await stack.db.execute<{ pid: number }>(
    sql`select pid from pg_stat_activity where datname = ${stack.databaseName}
      and backend_start >= ${since.toISOString()}::timestamptz and pid <> pg_backend_pid()`,
  );
  return rows.map((row) => Number(row.pid));
};
try {
  const people = await seedInboundPeople(stack.db);
  const made = (label: string, n: number) =>
    benchMessages(people, `${label}-${randomBytes(4).toString("hex")}`, n);
  const results: Record<string, { ratio: number; rx: number; pg: number; rate: number }[]> = {};
  await burst(
    floor.port,
    10,
    made(
      "client",
      Number(
        process.argv.find((a) => a.startsWith("--client-warm-up="))?.split("=")[1] ?? clientWarmUp,
      ),
    ),
  );
  for (let r = 0; r < rounds; r++) {
    for (const { label, dir, nodeArgs } of variants) {
      const args = [...nodeArgs.filter(Boolean)];
      if (profileDir) args.push("--cpu-prof", `--cpu-prof-dir=${join(profileDir, label)}`);
      const started = new Date(Date.now() - 50);
      const app = await startReceiver(dir, args);
      const port = app.port;
      const warm = made("warm", 200);
      await burst(floor.port, 10, warm);
      await burst(port, 10, warm);
      const a = made("a", burstSize);
      const b = made("b", burstSize);
      const f1 = await burst(floor.port, 10, a);
      const pgPids = await backendPids(started);
      const before = { rx: cpuMs([app.pid]), pg: cpuMs(pgPids) };
      const r1 = await burst(port, 10, a);
      const r2 = await burst(port, 10, b);
      const used = { rx: cpuMs([app.pid]) - before.rx, pg: cpuMs(pgPids) - before.pg };
      const f2 = await burst(floor.port, 10, b);
      const atFloor = combined([f1, f2]);
      const accepted = combined([r1, r2]);
      const bad = accepted.codes.filter((c) => c !== 250).length;
      await app.stop();
      const ratio = accepted.perSecond / atFloor.perSecond;
      const perMessage = (ms: number) => ms / (2 * burstSize);
      (results[label] ??= []).push({
        ratio,
        rx: perMessage(used.rx),
        pg: perMessage(used.pg),
        rate: accepted.perSecond,
      });
      const commits = /"messages":(\d+),"commits":(\d+),"largest":(\d+)/.exec(app.output());
      console.log(
        `${label} round ${r + 1}: receiver ${accepted.perSecond}/s (${accepted.rounds.join(", ")}), ` +
          `floor ${atFloor.perSecond}/s (${atFloor.rounds.join(", ")}), ratio ${ratio.toFixed(2)}, ` +
          `CPU ms/message receiver ${perMessage(used.rx).toFixed(3)} postgres ${perMessage(used.pg).toFixed(3)} ` +
          `(${pgPids.length} backends), per commit ${commits ? (Number(commits[1]) / Number(commits[2])).toFixed(2) : "?"}, ` +
          `not 250: ${bad}, load ${loadavg()
            .map((l) => l.toFixed(1))
            .join(" ")}`,
      );
    }
  }
  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  for (const [label, runs] of Object.entries(results)) {
    console.log(
      `${label}: ratio ${runs.map((x) => x.ratio.toFixed(2)).join(" ")} (mean ${mean(runs.map((x) => x.ratio)).toFixed(3)}), ` +
        `receiver ms/msg ${runs.map((x) => x.rx.toFixed(3)).join(" ")} (mean ${mean(runs.map((x) => x.rx)).toFixed(3)}), ` +
        `postgres ms/msg mean ${mean(runs.map((x) => x.pg)).toFixed(3)}`,
    );
  }
  if (profileDir) {
    for (const { label } of variants) {
      const profile = await summariseProfiles(join(profileDir, label));
      console.log(`\nWhere the receiver's CPU went (${label}):`);
      console.table(profile.byArea);
      console.table(profile.topFunctions);
    }
  }
} finally {
  await floor.stop();
  await stack.stop();
  await services.stop();
}
