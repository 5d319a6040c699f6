// The production web server: `next start`'s, plus brotli for the browsers that accept it.
// Next compresses with gzip only, on each request. On a phone's slow network the page and the
// scripts it loads first weigh on its largest paint (docs/benchmarks.md, "Pages on a phone");
// brotli makes them smaller than that gzip: the build's scripts and styles by about 13% at
// quality 11, copies made once after the build (scripts/compress-static.mjs) and served from
// here; the pages and everything else Next writes by about 25% at quality 5, compressed as Next
// writes them (src/server/brotli-responses.mjs). Other clients get Next's gzip as before.
//   node server.mjs -p <port> [--keepAliveTimeout <ms>]   (from apps/web, after `next build`)
import { createHash } from "node:crypto";
import { readdir, readFile, stat } from "node:fs/promises";
import { createServer } from "node:http";
import { join, relative, sep } from "node:path";
import { parseArgs } from "node:util";

import { acceptsBrotli, encodeInBrotli } from "./src/server/brotli-responses.mjs";

// As `next start`: production unless told otherwise, set before Next (and React) are loaded.
/** @type {Record<string, string | undefined>} */ (process.env).NODE_ENV ??= "production";
const { default: next } = await import("next");

const { values } = parseArgs({
  options: {
    // As `next start`: -p, else PORT, else 3000.
    port: { type: "string", short: "p", default: process.env.PORT ?? "3000" },
    keepAliveTimeout: { type: "string" },
  },
});
const port = Number(values.port);
const dir = import.meta.dirname;

const staticPrefix = "/_next/static/";
/** @type {Record<string, string | undefined>} */
const contentTypes = {
  ".js": "application/javascript; charset=UTF-8",
  ".css": "text/css; charset=UTF-8",
};
/**
 * What Next sends with a build file: its own cache policy for `/_next/static`, and the
 * `headers()` of next.config.ts for that path (keep the two alike).
 */
const staticHeaders = {
  "Cache-Control": "public, max-age=31536000, immutable",
  "x-content-type-options": "nosniff",
};

/** @typedef {{ body: Buffer, type: string, etag: string, lastModified: string }} Copy */

/**
 * The brotli copies by URL path (`/_next/static/chunks/….js`), read once: a build's files never
 * change while it is served. Only exact paths of the build match, so no request reaches a file
 * outside it.
 */
async function loadCopies() {
  const staticDir = join(dir, ".next/static");
  const entries = await readdir(staticDir, { recursive: true, withFileTypes: true });
  /** @type {Map<string, Copy>} */
  const copies = new Map();
  for (const entry of entries) {
    if (!entry.isFile() || !entry.name.endsWith(".br")) continue;
    const brFile = join(entry.parentPath, entry.name);
    const file = brFile.slice(0, -3);
    const type = contentTypes[file.slice(file.lastIndexOf("."))];
    const source = await stat(file).catch(() => null);
    if (!type || !source) continue;
    const body = await readFile(brFile);
    const hash = createHash("sha256").update(body).digest("base64url").slice(0, 27);
    copies.set(staticPrefix + relative(staticDir, file).split(sep).join("/"), {
      body,
      type,
      // The br copy's own tag: a cache holding the gzip one must not take it for this.
      etag: `"${hash}-br"`,
      lastModified: source.mtime.toUTCString(),
    });
  }
  return copies;
}

/** @param {string} ifNoneMatch @param {string} etag */
function matchesTag(ifNoneMatch, etag) {
  return ifNoneMatch
    .split(",")
    .map((tag) => tag.trim().replace(/^W\//, ""))
    .some((tag) => tag === "*" || tag === etag);
}

/**
 * Answers with the brotli copy when there is one and the browser takes it; else false.
 * @param {Map<string, Copy>} copies
 * @param {import("node:http").IncomingMessage} req
 * @param {import("node:http").ServerResponse} res
 */
function serveCopy(copies, req, res) {
  if (req.method !== "GET" && req.method !== "HEAD") return false;
  const url = req.url ?? "";
  if (!url.startsWith(staticPrefix)) return false;
  const query = url.indexOf("?");
  const copy = copies.get(query === -1 ? url : url.slice(0, query));
  if (!copy || !acceptsBrotli(req.headers["accept-encoding"])) return false;
  for (const [name, value] of Object.entries(staticHeaders)) res.setHeader(name, value);
  res.setHeader("ETag", copy.etag);
  res.setHeader("Last-Modified", copy.lastModified);
  res.setHeader("Vary", "Accept-Encoding");
  const ifNoneMatch = req.headers["if-none-match"];
  if (ifNoneMatch && matchesTag(ifNoneMatch, copy.etag)) {
    res.statusCode = 304;
    res.end();
    return true;
  }
  res.setHeader("Content-Type", copy.type);
  res.setHeader("Content-Encoding", "br");
  res.setHeader("Content-Length", copy.body.length);
  res.end(req.method === "HEAD" ? undefined : copy.body);
  return true;
}

const app = next({ dev: false, dir, port, hostname: "localhost" });
const handle = app.getRequestHandler();
const [copies] = await Promise.all([loadCopies(), app.prepare()]);

const server = createServer((req, res) => {
  if (serveCopy(copies, req, res)) return;
  encodeInBrotli(req, res);
  handle(req, res).catch((/** @type {unknown} */ error) => {
    console.error(`Failed to handle request for ${req.url}`, error);
    if (!res.headersSent) res.statusCode = 500;
    res.end();
  });
});
if (values.keepAliveTimeout) server.keepAliveTimeout = Number(values.keepAliveTimeout);
server.once("error", (error) => {
  console.error("Failed to start the web server", error);
  process.exit(1);
});
server.listen(port, () =>
  process.stdout.write(`Web server on http://localhost:${port} (${copies.size} brotli files)\n`),
);

// As `next start`: stop taking connections, let the requests in progress finish, close Next.
let stopping = false;
/** @param {NodeJS.Signals} signal */
function stop(signal) {
  if (stopping) return;
  stopping = true;
  server.close(() => {
    void app
      .close()
      .catch((error) => console.error(error))
      .finally(() => process.exit(signal === "SIGINT" ? 130 : 143));
  });
}
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
