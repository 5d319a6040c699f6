// What the main thread does while a page loads, as Lighthouse's mobile simulation counts it:
// a Chrome trace (Playwright + CDP, 412 × 823, unthrottled as Lighthouse observes it), each
// top-level task multiplied by 4 (its simulated CPU slowdown), and the sum of max(0, task − 50 ms)
// as an estimate of Total Blocking Time, over the whole load and from the first contentful paint
// on (Lighthouse counts from there), up to a second after the network went quiet (about where
// Lighthouse's trace ends; the page's settled timers come later). The same sum over each task's
// thread CPU time is steadier on a loaded machine: a task's wall time there is mostly waiting. Each long task is listed with what it is: its top-level
// events (parse, script evaluation, style, layout, timers…) and the functions the profiler
// sampled most in it (name@chunk:line:col; React DOM's minified names are read from the chunk).
//
//   node --import tsx bench/page-tasks.ts [--runs=N] [--pages=case,session] [--quiet] [--no-profile]
//        [--timezone=UTC] [--out=dir] label=/tmp/a-serve.json label2=/tmp/b-serve.json
//
// Each serve file is written by `bench/pages-serve.ts` ({ baseUrl, cookie, casePath }). With two
// or more, the runs alternate A B B A A B … (per page) so that a drifting load weighs on both.
import { writeFile } from "node:fs/promises";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import os from "node:os";

import { chromium } from "@playwright/test";

import { servedContext } from "./served-context";

const slowdown = 4;
const blockingMs = 50;

interface Serve {
  baseUrl: string;
  cookie: string;
  casePath: string;
}

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  /** The thread's own CPU time in the event (what a loaded machine's preemption does not add). */
  tdur?: number;
  pid: number;
  tid: number;
  id?: string;
  args?: {
    name?: string;
    data?: Record<string, unknown> & {
      url?: string;
      functionName?: string;
      frame?: string;
      cpuProfile?: {
        nodes?: {
          id: number;
          parent?: number;
          callFrame: {
            functionName: string;
            url: string;
            lineNumber: number;
            columnNumber: number;
          };
        }[];
        samples?: number[];
      };
      timeDeltas?: number[];
      startTime?: number;
    };
  };
}

interface Task {
  start: number;
  duration: number;
  cpu: number;
  parts: string;
  functions: string;
}

export interface PageTasks {
  tbtAll: number;
  /** The same sum over each task's thread CPU time (×4): steadier on a shared machine. */
  tbtCpu: number;
  /** The CPU-time sum from the first contentful paint on (navigation's own tasks left out). */
  tbtCpuAfterFcp: number;
  cpuMs: number;
  tbtAfterFcp: number;
  fcp: number | null;
  mainThreadMs: number;
  tasks: Task[];
}

const args = process.argv.slice(2);
const option = (name: string) =>
  args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? null;
const runs = Number(option("runs") ?? 3);
const pages = (option("pages") ?? "case,session").split(",");
const timezone = option("timezone") ?? "UTC";
const out = option("out");
const quiet = args.includes("--quiet");
// The profiler's samples name each task's functions, and slow the page: off for A/B runs.
const profile = !args.includes("--no-profile");
const builds = args
  .filter((a) => !a.startsWith("--"))
  .map((a) => {
    const [label, file] = a.includes("=") ? a.split("=", 2) : [a, a];
    return { label: label!, serve: JSON.parse(readFileSync(file!, "utf8")) as Serve };
  });
if (builds.length === 0) {
  console.error("usage: page-tasks.ts [--runs=N] [--pages=case,session] label=serve.json …");
  process.exit(1);
}

const short = (url: string) => url.replace(/^.*\/_next\/static\/chunks\//, "").replace(/^.*\//, "");

/** The tasks of the renderer's main thread, with what each one is. */
function analyse(events: TraceEvent[], pageUrl: string): PageTasks {
  // The page's renderer: the process whose main thread parsed the page's document.
  const threadNames = new Map<string, string>();
  for (const e of events) {
    if (e.ph === "M" && e.name === "thread_name")
      threadNames.set(`${e.pid}:${e.tid}`, e.args!.name!);
  }
  const parse = events.find(
    (e) =>
      e.name === "ParseHTML" &&
      String(
        (e.args as { beginData?: { url?: string } } | undefined)?.beginData?.url ?? "",
      ).startsWith(pageUrl),
  );
  const main =
    parse ??
    events.find(
      (e) => threadNames.get(`${e.pid}:${e.tid}`) === "CrRendererMain" && e.name === "RunTask",
    );
  if (!main) throw new Error("no renderer main thread in the trace");
  const { pid, tid } = main;
  const onMain = events.filter((e) => e.pid === pid && e.tid === tid);
  // The last navigation's start before the document was parsed (about:blank's comes first).
  const navigationStart = Math.max(
    ...onMain
      .filter((e) => e.name === "navigationStart" && (!parse || e.ts <= parse.ts))
      .map((e) => e.ts),
    parse ? 0 : (onMain[0]?.ts ?? 0),
  );
  const fcpEvent = events.find(
    (e) => e.name === "firstContentfulPaint" && e.pid === pid && e.ts >= navigationStart,
  );
  const fcp = fcpEvent ? fcpEvent.ts : null;
  const cutoff =
    events.find((e) => e.name === "page-tasks-cutoff" && e.pid === pid)?.ts ??
    Number.POSITIVE_INFINITY;

  // The profiler's samples, as (time, stack of frames).
  const nodes = new Map<
    number,
    {
      parent?: number;
      frame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
    }
  >();
  const samples: { ts: number; node: number }[] = [];
  for (const e of events) {
    if (e.name !== "ProfileChunk" || e.pid !== pid) continue;
    const data = e.args?.data;
    const profile = data?.cpuProfile;
    for (const node of profile?.nodes ?? [])
      nodes.set(node.id, { parent: node.parent, frame: node.callFrame });
  }
  // Chunks carry time deltas from the profile's start (the "Profile" event).
  const starts = new Map<string, number>();
  for (const e of events) {
    if (e.name === "Profile" && e.pid === pid)
      starts.set(e.id ?? "", Number(e.args?.data?.startTime ?? e.ts));
  }
  const clocks = new Map<string, number>();
  for (const e of events) {
    if (e.name !== "ProfileChunk" || e.pid !== pid) continue;
    const key = e.id ?? "";
    let time = clocks.get(key) ?? starts.get(key) ?? e.ts;
    const list = e.args?.data?.cpuProfile?.samples ?? [];
    const deltas = e.args?.data?.timeDeltas ?? [];
    list.forEach((node, i) => {
      time += deltas[i] ?? 0;
      samples.push({ ts: time, node });
    });
    clocks.set(key, time);
  }
  samples.sort((a, b) => a.ts - b.ts);
  const frameName = (f: {
    functionName: string;
    url: string;
    lineNumber: number;
    columnNumber: number;
  }) =>
    `${f.functionName || "(anonymous)"}@${short(f.url)}:${f.lineNumber + 1}:${f.columnNumber + 1}`;
  const stackOf = (id: number) => {
    const stack: string[] = [];
    for (let n = nodes.get(id); n; n = n.parent === undefined ? undefined : nodes.get(n.parent)) {
      const f = n.frame;
      if (["(root)", "(program)", "(idle)", "(garbage collector)"].includes(f.functionName)) {
        if (f.functionName === "(garbage collector)") stack.push("(gc)");
        continue;
      }
      stack.push(f.url ? frameName(f) : f.functionName || "(native)");
    }
    return stack; // leaf first
  };

  const topLevel = onMain
    .filter((e) => e.ph === "X" && e.name === "RunTask" && e.ts >= navigationStart)
    .sort((a, b) => a.ts - b.ts);
  const wrappers = new Set([
    "RunTask",
    "ThreadControllerImpl::RunTask",
    "BlinkScheduler_PerformMicrotaskCheckpoint",
  ]);
  const children = onMain.filter(
    (e) => e.ph === "X" && !wrappers.has(e.name) && e.dur !== undefined,
  );
  let tbtAll = 0;
  let tbtAfterFcp = 0;
  let mainThreadMs = 0;
  let tbtCpu = 0;
  let tbtCpuAfterFcp = 0;
  let cpuMs = 0;
  const tasks: Task[] = [];
  let childIndex = 0;
  const sortedChildren = children.sort((a, b) => a.ts - b.ts);
  for (const task of topLevel) {
    if (task.ts > cutoff) break;
    const duration = ((task.dur ?? 0) / 1000) * slowdown;
    mainThreadMs += duration;
    const cpu = ((task.tdur ?? task.dur ?? 0) / 1000) * slowdown;
    cpuMs += cpu;
    tbtCpu += Math.max(0, cpu - blockingMs);
    if (fcp !== null && task.ts >= fcp) tbtCpuAfterFcp += Math.max(0, cpu - blockingMs);
    const blocking = Math.max(0, duration - blockingMs);
    tbtAll += blocking;
    if (fcp !== null && task.ts + (task.dur ?? 0) > fcp) {
      // Lighthouse clips a task that began before the first paint to what follows it.
      const from = Math.max(task.ts, fcp);
      const after = ((task.ts + (task.dur ?? 0) - from) / 1000) * slowdown;
      tbtAfterFcp += task.ts >= fcp ? blocking : Math.max(0, after - blockingMs);
    }
    if (duration <= blockingMs) continue;
    // Its direct children (events that start within it and are not nested in a sibling).
    const end = task.ts + (task.dur ?? 0);
    while (childIndex < sortedChildren.length && sortedChildren[childIndex]!.ts < task.ts)
      childIndex++;
    const inside: TraceEvent[] = [];
    for (let i = childIndex; i < sortedChildren.length && sortedChildren[i]!.ts < end; i++)
      inside.push(sortedChildren[i]!);
    const direct: TraceEvent[] = [];
    let coveredUntil = 0;
    for (const e of inside) {
      if (e.ts < coveredUntil) continue;
      direct.push(e);
      coveredUntil = e.ts + (e.dur ?? 0);
    }
    const parts = new Map<string, number>();
    for (const e of direct) {
      const data = e.args?.data;
      let label = e.name;
      if (e.name === "EvaluateScript" || e.name === "v8.compile" || e.name === "v8.compileModule")
        label += ` ${short(String(data?.url ?? "")) || "(inline)"}`;
      else if (e.name === "FunctionCall")
        label += ` ${data?.functionName || "(anon)"}@${short(String(data?.url ?? ""))}`;
      parts.set(label, (parts.get(label) ?? 0) + ((e.dur ?? 0) / 1000) * slowdown);
    }
    // Style and layout anywhere inside, as they often sit under a script.
    for (const name of ["UpdateLayoutTree", "Layout", "ParseHTML", "v8.gc", "MinorGC", "MajorGC"]) {
      const total = inside.filter((e) => e.name === name).reduce((s, e) => s + (e.dur ?? 0), 0);
      if (total > 0 && !direct.some((e) => e.name === name))
        parts.set(`(${name} inside)`, (total / 1000) * slowdown);
    }
    const inclusive = new Map<string, number>();
    const self = new Map<string, number>();
    const inTask = samples.filter((s) => s.ts >= task.ts && s.ts < end);
    for (const s of inTask) {
      const stack = stackOf(s.node);
      if (stack[0]) self.set(stack[0], (self.get(stack[0]) ?? 0) + 1);
      for (const f of new Set(stack)) inclusive.set(f, (inclusive.get(f) ?? 0) + 1);
    }
    const share = (n: number) => `${Math.round((100 * n) / Math.max(1, inTask.length))}%`;
    const top = (m: Map<string, number>, count: number) =>
      [...m.entries()]
        .sort((a, b) => b[1] - a[1])
        .slice(0, count)
        .map(([f, n]) => `${share(n)} ${f}`)
        .join("; ");
    tasks.push({
      start: Math.round(((task.ts - navigationStart) / 1000) * 10) / 10,
      duration: Math.round(duration),
      cpu: Math.round(cpu),
      parts: [...parts.entries()]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 6)
        .map(([k, v]) => `${k} ${Math.round(v)}`)
        .join(", "),
      functions: `self: ${top(self, 5)} | incl: ${top(inclusive, 12)}`,
    });
  }
  return {
    tbtAll: Math.round(tbtAll),
    tbtCpu: Math.round(tbtCpu),
    tbtCpuAfterFcp: Math.round(tbtCpuAfterFcp),
    cpuMs: Math.round(cpuMs),
    tbtAfterFcp: Math.round(tbtAfterFcp),
    fcp: fcp === null ? null : Math.round(((fcp - navigationStart) / 1000) * 10) / 10,
    mainThreadMs: Math.round(mainThreadMs),
    tasks,
  };
}

async function trace(serve: Serve, path: string): Promise<PageTasks> {
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium" });
  try {
    const context = await servedContext(browser, serve, {
      viewport: { width: 412, height: 823 },
      deviceScaleFactor: 1.75,
      isMobile: true,
      hasTouch: true,
      timezoneId: timezone,
    });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const chunks: TraceEvent[] = [];
    cdp.on("Tracing.dataCollected", (event) =>
      chunks.push(...(event.value as unknown as TraceEvent[])),
    );
    const done = new Promise<void>((resolve) =>
      cdp.once("Tracing.tracingComplete", () => resolve()),
    );
    await cdp.send("Tracing.start", {
      traceConfig: {
        includedCategories: [
          "devtools.timeline",
          "disabled-by-default-devtools.timeline",
          "disabled-by-default-devtools.timeline.frame",
          "toplevel",
          "blink.user_timing",
          "loading",
          "v8.execute",
          "v8",
          ...(profile ? ["disabled-by-default-v8.cpu_profiler"] : []),
          "__metadata",
        ],
      },
      transferMode: "ReportEvents",
    });
    const pageUrl = `${serve.baseUrl}${path}`;
    await page.goto(pageUrl, { waitUntil: "load" });
    // Until the page has been quiet a while (Lighthouse waits for CPU idle and network quiet).
    await page.waitForLoadState("networkidle");
    // Lighthouse stops its trace about a second after the network and the CPU went quiet: the
    // settled work of the page (timers after ~4 s) is mostly outside it. Marked, and left out of
    // the windowed figures.
    await page.waitForTimeout(1000);
    await page.evaluate(() => performance.mark("page-tasks-cutoff"));
    await page.waitForTimeout(2000);
    await cdp.send("Tracing.end");
    await done;
    if (out) await writeFile(join(out, `trace-${Date.now()}.json`), JSON.stringify(chunks));
    return analyse(chunks, pageUrl);
  } finally {
    await browser.close();
  }
}

function median(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : Math.round((sorted[mid - 1]! + sorted[mid]!) / 2);
}

const results = new Map<string, PageTasks[]>();
const order = (round: number) =>
  builds.length === 2 ? (round % 2 === 0 ? [0, 1] : [1, 0]) : builds.map((_, i) => i);
for (let round = 0; round < runs; round++) {
  for (const pageName of pages) {
    for (const index of order(round)) {
      const build = builds[index]!;
      const path =
        pageName === "session"
          ? `${build.serve.casePath}/session`
          : pageName === "case"
            ? build.serve.casePath
            : pageName;
      const load = os.loadavg()[0]!.toFixed(1);
      const result = await trace(build.serve, path);
      const key = `${pageName} ${build.label}`;
      results.set(key, [...(results.get(key) ?? []), result]);
      console.log(
        `${key} run ${round + 1} (load ${load}): TBT≈${result.tbtAll} ms (after FCP ${result.tbtAfterFcp}, ` +
          `CPU ${result.tbtCpu}, CPU after FCP ${result.tbtCpuAfterFcp}), FCP ${result.fcp} ms, main thread ×4 ${result.mainThreadMs} ms ` +
          `(CPU ${result.cpuMs}), ${result.tasks.length} tasks > 50 ms`,
      );
      if (!quiet)
        for (const task of result.tasks)
          console.log(
            `  ${String(task.duration).padStart(5)} ms (CPU ${task.cpu}) at ${task.start} ms: ${task.parts}\n        ${task.functions}`,
          );
    }
  }
}
console.log(
  "\nmedians: TBT estimate (all tasks / after FCP / on CPU time), main thread ×4 (wall / CPU):",
);
for (const [key, list] of results) {
  const m = (f: (r: PageTasks) => number) => median(list.map(f));
  console.log(
    `  ${key.padEnd(24)} ${m((r) => r.tbtAll)} / ${m((r) => r.tbtAfterFcp)} / ${m((r) => r.tbtCpu)} / ` +
      `${m((r) => r.tbtCpuAfterFcp)} ms [CPU after FCP runs: ${list.map((r) => r.tbtCpuAfterFcp).join(", ")}], ` +
      `main ${m((r) => r.mainThreadMs)} / ${m((r) => r.cpuMs)} ms`,
  );
}
