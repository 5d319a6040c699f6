import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";

interface CpuProfile {
  nodes: {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
    children?: number[];
  }[];
  samples: number[];
  timeDeltas: number[];
}

/** Where a function lives, in words: the package, or the part of this repository. */
function areaOf(url: string, functionName: string) {
  if (!url) return functionName.startsWith("(") ? functionName : "(native)";
  if (url.startsWith("node:")) return "node internals";
  const modules = url.lastIndexOf("node_modules/");
  if (modules >= 0) {
    const [scope, name] = url.slice(modules + "node_modules/".length).split("/");
    const pkg = scope!.startsWith("@") ? `${scope}/${name}` : scope!;
    if (/^(react|react-dom|@react-email\/.*|scheduler|prettier|html-to-text|.*marked.*)$/.test(pkg))
      return `email rendering (${pkg})`;
    return pkg;
  }
  const repo = /\/(packages|apps)\/([^/]+)\/src\/(.*)$/.exec(url);
  if (repo) return `${repo[1]}/${repo[2]}/${repo[3]!.split("/")[0]}`;
  return url.replace(/^file:\/\//, "");
}

/**
 * Self time by area and by function over every `.cpuprofile` of `dir` (idle left out); with
 * `lastMs`, only each profile's last `lastMs` (the burst, not the start-up: the workers are
 * stopped right after it).
 */
export async function summariseProfiles(dir: string, lastMs?: number) {
  const files = (await readdir(dir)).filter((file) => file.endsWith(".cpuprofile"));
  const byArea = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let busy = 0;
  for (const file of files) {
    const profile = JSON.parse(await readFile(join(dir, file), "utf8")) as CpuProfile;
    const nodes = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
    const parents = new Map<number, number>();
    for (const node of profile.nodes)
      for (const child of node.children ?? []) parents.set(child, node.id);
    // Native code and node's internals count for the package that called them (a socket
    // write of the Postgres driver is the driver's), else for themselves.
    const ownerOf = (id: number) => {
      for (let at: number | undefined = id; at !== undefined; at = parents.get(at)) {
        const frame = nodes.get(at)!;
        if (frame.url && !frame.url.startsWith("node:"))
          return areaOf(frame.url, frame.functionName);
      }
      const frame = nodes.get(id)!;
      return areaOf(frame.url, frame.functionName);
    };
    const total = profile.timeDeltas.reduce((sum, us) => sum + us, 0);
    const from = lastMs === undefined ? -Infinity : total - lastMs * 1000;
    let elapsed = 0;
    profile.samples.forEach((id, i) => {
      elapsed += profile.timeDeltas[i] ?? 0;
      if (elapsed < from) return;
      const frame = nodes.get(id)!;
      if (frame.functionName === "(idle)") return;
      const us = profile.timeDeltas[i] ?? 0;
      busy += us;
      const area = ownerOf(id);
      byArea.set(area, (byArea.get(area) ?? 0) + us);
      const where = frame.url
        ? ` ${frame.url.split("/").slice(-2).join("/")}:${frame.lineNumber + 1}`
        : "";
      const key = `${frame.functionName || "(anonymous)"}${where}`;
      byFunction.set(key, (byFunction.get(key) ?? 0) + us);
    });
  }
  const top = (map: Map<string, number>, n: number) =>
    Object.fromEntries(
      [...map]
        .sort((a, b) => b[1] - a[1])
        .slice(0, n)
        .map(([key, us]) => [
          key,
          { selfMs: Math.round(us / 1000), percent: Math.round((1000 * us) / busy) / 10 },
        ]),
    );
  return {
    files: files.length,
    busyMs: Math.round(busy / 1000),
    byArea: top(byArea, 15),
    topFunctions: top(byFunction, 20),
  };
}
