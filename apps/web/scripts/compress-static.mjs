// Brotli copies of the build's scripts and styles (`.next/static/**/*.js|css` → `*.br`), made
// once after `next build` at the strongest setting (quality 11, too slow to do per request).
// server.mjs serves them to browsers that accept br; Next's own handler (gzip made on each
// request) serves the rest. A copy already newer than its file is kept.
//   node scripts/compress-static.mjs [dir of the build, default .next]
import { readdir, readFile, stat, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { brotliCompress, constants } from "node:zlib";

const compress = promisify(brotliCompress);

/** What is worth compressing: smaller files gain less than a packet. */
export const compressedExtensions = /\.(?:js|css)$/;
const minBytes = 1024;

/**
 * Writes the missing or stale `.br` copies under `<distDir>/static`; resolves to their count.
 * @param {string} distDir
 */
export async function compressStatic(distDir) {
  const staticDir = join(distDir, "static");
  const entries = await readdir(staticDir, { recursive: true, withFileTypes: true });
  let written = 0;
  // A few at a time: each is one thread's work in libuv's pool.
  const files = entries
    .filter((entry) => entry.isFile() && compressedExtensions.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
  const queue = [...files];
  async function next() {
    for (let file = queue.shift(); file; file = queue.shift()) {
      const source = await stat(file);
      if (source.size < minBytes) continue;
      const copy = await stat(`${file}.br`).catch(() => null);
      if (copy && copy.mtimeMs >= source.mtimeMs) continue;
      const data = await readFile(file);
      const br = await compress(data, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
          [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
          [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        },
      });
      await writeFile(`${file}.br`, br);
      written++;
    }
  }
  await Promise.all([next(), next(), next(), next()]);
  return written;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const distDir = resolve(process.argv[2] ?? ".next");
  const started = performance.now();
  const written = await compressStatic(distDir);
  const ms = Math.round(performance.now() - started);
  process.stdout.write(`Brotli copies of ${written} static files in ${ms} ms\n`);
}
