// The pages part of `pnpm bench` (issue 17): what the person on hold sees on a phone.
// Lighthouse 12 (its default mobile emulation: a slowed CPU and network) against the production
// build on a throwaway database, signed in as someone with 100 cases, on the sign-in page, the
// dashboard, a case page with 20 contacts and that case's contact session. Each page is measured
// `runs` times and the run with the median performance score is kept (one run moves by several
// points when the machine is shared). The Lighthouse runs hold the machine's heavy-work lock
// (/tmp/heavy.lock) so other engineers' builds do not slow the emulated phone further; set
// BENCH_NO_LOCK=1 when the whole bench already runs under that lock.
import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

import { createDatabase } from "@caseward/db/client";
import { connectRedis, deleteQueueKeys } from "@caseward/services/redis";

import { seedBenchData } from "./seed-bench";
import { ensureWebBuild, signUp, startStack } from "./stack";

const root = resolve(import.meta.dirname, "..");
const chromium = process.env.CHROME_PATH ?? "/usr/bin/chromium";
const heavyLock = "/tmp/heavy.lock";

/** The load: a dashboard of 100 cases, a case page of 20 contacts. */
const dashboardCases = 100;
const caseContacts = 20;

/**
 * The pages' person's data (`userId` signed up through the app): the dashboard's cases, ten
 * contacts a case on average spread unevenly, and the case nearest to the case page's twenty
 * (the same case on every deployment).
 */
export async function seedPagesPerson(client: Parameters<typeof seedBenchData>[0], userId: string) {
  const seeded = await seedBenchData(
    client,
    { users: 1, cases: dashboardCases, contacts: dashboardCases * 10 },
    { existingUserIds: [userId], label: "Seeding the pages' person" },
  );
  // Ties broken by when the case was opened, which the seed's fixed random numbers decide (the
  // ids are random UUIDs), so every deployment measures the same case.
  const [picked] = await client<{ caseId: string; contacts: number }[]>`
    select c.case_id as "caseId", count(*)::int as contacts
    from contacts c join cases k on k.id = c.case_id and k.owner_id = c.owner_id
    where c.owner_id = ${userId} group by c.case_id, k.created_at
    order by abs(count(*) - ${caseContacts}), k.created_at, c.case_id limit 1`;
  return { seeded, picked: picked! };
}

export interface PageFigures {
  label: string;
  path: string;
  /** 0–100, as Lighthouse shows them. */
  performance: number;
  accessibility: number;
  bestPractices: number;
  lcpMs: number;
  tbtMs: number;
  fcpMs: number;
  transferKiB: number;
  scriptKiB: number;
  /** The performance score of every run, the kept one being their median. */
  runScores: number[];
  /** The scripts that cost the main thread most (ms of evaluation and parsing), largest first. */
  heaviestScripts: { url: string; ms: number }[];
  /** The page's own document as sent (headers included): one TCP window is 14,600 B in Lantern. */
  documentBytes: number;
  /**
   * Lighthouse's measure of this machine's CPU in each run (`environment.benchmarkIndex`). Its
   * 4× slowdown assumes a host of about 1,500; below 1,000 it warns that the host is slow, and
   * every task it times (TBT, and LCP's CPU part) is inflated by as much.
   */
  benchmarkIndexes: number[];
}

export interface PagesSummary {
  signInMobileScore: number;
  dashboardMobileScore: number;
  casePageMobileScore: number;
  sessionMobileScore: number;
  worstTotalBlockingTimeMs: number;
  worstLargestContentfulPaintMs: number;
  worstAccessibilityScore: number;
  worstBestPracticesScore: number;
  runsPerPage: number;
}

interface LighthouseReport {
  categories: Record<string, { score: number | null }>;
  audits: Record<
    string,
    {
      numericValue?: number;
      details?: { items?: { url?: string; total?: number; resourceType?: string }[] };
    }
  >;
  runtimeError?: { message: string };
  environment?: { benchmarkIndex?: number };
}

/**
 * One Lighthouse run of `url` (mobile emulation), its JSON report. A run whose trace Chrome
 * failed to record (NO_NAVSTART, now and then on a busy machine) is made again, twice at most.
 */
async function lighthouse(url: string, cookie: string | undefined, outDir: string, n: number) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await lighthouseOnce(url, cookie, outDir, n);
    } catch (error) {
      if (attempt === 3) throw error;
      console.warn(`${(error as Error).message.split("\n")[0]}: again`);
    }
  }
}

async function lighthouseOnce(url: string, cookie: string | undefined, outDir: string, n: number) {
  const output = join(outDir, `report-${n}.json`);
  const args = [
    join(root, "node_modules/lighthouse/cli/index.js"),
    url,
    `--chrome-path=${chromium}`,
    "--chrome-flags=--headless=new --no-sandbox --disable-dev-shm-usage",
    "--only-categories=performance,accessibility,best-practices",
    "--output=json",
    `--output-path=${output}`,
    "--quiet",
    ...(cookie ? [`--extra-headers=${JSON.stringify({ Cookie: cookie })}`] : []),
  ];
  const child = spawn(process.execPath, args, {
    env: { ...process.env, CHROME_PATH: chromium },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((done) => child.once("exit", done));
  if (code !== 0) throw new Error(`lighthouse ${url} failed (${code}): ${stderr.slice(-2000)}`);
  const report = JSON.parse(await readFile(output, "utf8")) as LighthouseReport;
  if (report.runtimeError) throw new Error(`lighthouse ${url}: ${report.runtimeError.message}`);
  return report;
}

/**
 * Waits for the machine's heavy-work lock and holds it until the returned function is called
 * (or this process ends): `flock` runs `cat`, which lives as long as its stdin is open.
 */
async function holdHeavyLock() {
  if (process.env.BENCH_NO_LOCK) return () => undefined;
  const holder = spawn("flock", [heavyLock, "sh", "-c", "echo held; exec cat"], {
    stdio: ["pipe", "pipe", "inherit"],
  });
  await new Promise<void>((held, failed) => {
    holder.stdout.once("data", () => held());
    holder.once("exit", (code) => failed(new Error(`flock ${heavyLock} ended (${code})`)));
  });
  return () => holder.stdin.end();
}

const score = (report: LighthouseReport, category: string) =>
  Math.round((report.categories[category]?.score ?? 0) * 100);
const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

const numeric = (report: LighthouseReport, audit: string) =>
  Math.round(report.audits[audit]?.numericValue ?? NaN);

function figures(
  label: string,
  path: string,
  report: LighthouseReport,
  runScores: number[],
  benchmarkIndexes: number[],
) {
  const items = report.audits["network-requests"]?.details?.items ?? [];
  const document = items.find((item) => item.resourceType === "Document") as
    { transferSize?: number } | undefined;
  const scriptBytes = items
    .filter((item) => item.resourceType === "Script")
    .reduce((sum, item) => sum + ((item as { transferSize?: number }).transferSize ?? 0), 0);
  return {
    label,
    path,
    performance: score(report, "performance"),
    accessibility: score(report, "accessibility"),
    bestPractices: score(report, "best-practices"),
    lcpMs: numeric(report, "largest-contentful-paint"),
    tbtMs: numeric(report, "total-blocking-time"),
    fcpMs: numeric(report, "first-contentful-paint"),
    transferKiB: Math.round(numeric(report, "total-byte-weight") / 1024),
    scriptKiB: Math.round(scriptBytes / 1024),
    runScores,
    heaviestScripts: (report.audits["bootup-time"]?.details?.items ?? [])
      .slice(0, 3)
      .map((item) => ({ url: item.url ?? "", ms: Math.round(item.total ?? 0) })),
    documentBytes: document?.transferSize ?? NaN,
    benchmarkIndexes,
  } satisfies PageFigures;
}

export async function benchPages(options: {
  serverUrl: string;
  redisUrl: string;
  port: number;
  runs: number;
}) {
  const build = await ensureWebBuild();
  const stack = await startStack({
    serverUrl: options.serverUrl,
    redisUrl: options.redisUrl,
    port: options.port,
  });
  const dropOnSignal = () => void stack.stop().finally(() => process.exit(130));
  process.once("SIGINT", dropOnSignal);
  process.once("SIGTERM", dropOnSignal);
  const connection = createDatabase(stack.databaseUrl, { max: 1 });
  const outDir = await mkdtemp(join(tmpdir(), "caseward-bench-pages-"));
  try {
    const person = await signUp(stack.baseUrl);
    const { seeded, picked } = await seedPagesPerson(connection.db.$client, person.userId);
    const caseId = picked.caseId;
    const pages = [
      { label: "/sign-in", path: "/sign-in", cookie: undefined },
      { label: `dashboard (${dashboardCases} cases)`, path: "/", cookie: person.cookie },
      {
        label: `case page (${picked.contacts} contacts)`,
        path: `/cases/${caseId}`,
        cookie: person.cookie,
      },
      { label: "contact session", path: `/cases/${caseId}/session`, cookie: person.cookie },
    ];
    console.log(
      `\nPages: Lighthouse 12 (mobile) on ${stack.baseUrl}, ${seeded.rows.cases} cases, ` +
        `${options.runs} run(s) a page, the median kept`,
    );
    // The server's first answer of each page loads its code: not part of what a phone waits for.
    for (const page of pages) {
      const response = await fetch(`${stack.baseUrl}${page.path}`, {
        headers: page.cookie ? { cookie: page.cookie } : {},
        redirect: "manual",
      });
      if (response.status !== 200) throw new Error(`${page.path} answered ${response.status}`);
      await response.arrayBuffer();
    }
    const measured: PageFigures[] = [];
    let n = 0;
    const release = await holdHeavyLock();
    try {
      for (const page of pages) {
        const reports: LighthouseReport[] = [];
        for (let run = 0; run < options.runs; run++) {
          reports.push(await lighthouse(`${stack.baseUrl}${page.path}`, page.cookie, outDir, n++));
        }
        const scores = reports.map((r) => score(r, "performance"));
        const median = [...reports].sort(
          (a, b) => score(a, "performance") - score(b, "performance"),
        )[Math.floor(reports.length / 2)]!;
        const indexes = reports.map((r) => Math.round(r.environment?.benchmarkIndex ?? NaN));
        measured.push(
          figures(page.label, page.path.replace(caseId, "<id>"), median, scores, indexes),
        );
      }
    } finally {
      release();
    }
    console.table(
      Object.fromEntries(
        measured.map((p) => [
          p.label,
          {
            performance: p.performance,
            "LCP s": p.lcpMs / 1000,
            "TBT ms": p.tbtMs,
            "transfer KiB": p.transferKiB,
            "document B": p.documentBytes,
            "script KiB": p.scriptKiB,
            accessibility: p.accessibility,
            "best practices": p.bestPractices,
            runs: p.runScores.join(" "),
            "host CPU index": p.benchmarkIndexes.join(" "),
          },
        ]),
      ),
    );
    const [signIn, dashboard, casePage, session] = measured as [
      PageFigures,
      PageFigures,
      PageFigures,
      PageFigures,
    ];
    const summary: PagesSummary = {
      signInMobileScore: signIn.performance,
      dashboardMobileScore: dashboard.performance,
      casePageMobileScore: casePage.performance,
      sessionMobileScore: session.performance,
      worstTotalBlockingTimeMs: Math.max(...measured.map((p) => p.tbtMs)),
      worstLargestContentfulPaintMs: Math.max(...measured.map((p) => p.lcpMs)),
      worstAccessibilityScore: Math.min(...measured.map((p) => p.accessibility)),
      worstBestPracticesScore: Math.min(...measured.map((p) => p.bestPractices)),
      runsPerPage: options.runs,
    };
    return {
      summary,
      details: {
        ...summary,
        build,
        caseContacts: picked.contacts,
        // The median of every run's: 4× on a host of ~1,500 is the phone Lighthouse means.
        hostBenchmarkIndex: median(measured.flatMap((p) => p.benchmarkIndexes)),
        pages: measured,
      },
    };
  } finally {
    process.off("SIGINT", dropOnSignal);
    process.off("SIGTERM", dropOnSignal);
    await connection.close();
    await stack.stop();
    await rm(outDir, { recursive: true, force: true });
    const redis = connectRedis(options.redisUrl);
    await deleteQueueKeys(redis, stack.queuePrefix).catch(() => undefined);
    redis.disconnect();
  }
}
