// Who calls a function of the build while a page loads: a breakpoint at a place in a chunk (as
// `bench/page-tasks.ts` prints them, `name@chunk:line:column`), each hit's stack and the first
// locals of its top frames. E.g. who builds tailwind-merge's map on the case page:
//   node --import tsx bench/page-breakpoint.ts /tmp/serve.json /cases/<id> 3i8f3hwwoahqr 1 27426
// (serve file from `bench/pages-serve.ts`; line and column 1-based, as printed).
import { readFileSync } from "node:fs";

import { chromium } from "@playwright/test";

import { servedContext } from "./served-context";

interface Property {
  name: string;
  value?: { value?: unknown; description?: string };
}

const [serveFile, path, chunk, line, column] = process.argv.slice(2);
if (!serveFile || !path || !chunk || !line || !column) {
  console.error("usage: page-breakpoint.ts serve.json path chunk line column");
  process.exit(1);
}
const serve = JSON.parse(readFileSync(serveFile, "utf8")) as { baseUrl: string; cookie: string };
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium" });
const context = await servedContext(browser, serve, {
  viewport: { width: 412, height: 823 },
  timezoneId: "UTC",
});
const page = await context.newPage();
const cdp = await context.newCDPSession(page);
await cdp.send("Debugger.enable");
await cdp.send("Debugger.setBreakpointByUrl", {
  urlRegex: chunk,
  lineNumber: Number(line) - 1,
  columnNumber: Number(column) - 1,
});
let hits = 0;
cdp.on("Debugger.paused", (event) => {
  hits++;
  void (async () => {
    if (hits <= 5) {
      const frames = event.callFrames
        .slice(0, 20)
        .map(
          (f) =>
            `${f.functionName || "(anonymous)"}@${f.url.replace(/.*\//, "")}:${f.location.lineNumber + 1}:${(f.location.columnNumber ?? 0) + 1}`,
        );
      console.log(`hit ${hits}:\n  ${frames.join("\n  ")}`);
      for (const frame of event.callFrames.slice(0, 3)) {
        for (const scope of frame.scopeChain.filter((s) => s.type === "local")) {
          const { result } = (await cdp.send("Runtime.getProperties", {
            objectId: scope.object.objectId!,
            ownProperties: true,
          })) as { result: Property[] };
          const locals = result
            .slice(0, 6)
            .map(
              (p) => `${p.name}=${String(p.value?.value ?? p.value?.description).slice(0, 700)}`,
            );
          console.log(`  locals of ${frame.functionName || "(anonymous)"}: ${locals.join(" | ")}`);
        }
      }
    }
    await cdp.send("Debugger.resume");
  })();
});
await page.goto(`${serve.baseUrl}${path}`, { waitUntil: "load" });
await page.waitForTimeout(6000);
console.log("hits", hits);
await browser.close();
