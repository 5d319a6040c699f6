// The build's scripts and styles in brotli (apps/web/server.mjs, issue 17): a browser that
// accepts br gets the copy made at build time, any other client what Next serves (gzip made on
// the request, or the file as is), all the same bytes once decoded; a cached copy gets 304.
import { request as httpRequest } from "node:http";
import { brotliDecompressSync, gunzipSync } from "node:zlib";

import { expect, test } from "@playwright/test";

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** One request as sent, its body as received (no decoding: fetch would undo the encoding). */
function raw(url: string, headers: Record<string, string>, method = "GET") {
  return new Promise<Raw>((done, failed) => {
    const req = httpRequest(url, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () =>
        done({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
      res.on("error", failed);
    });
    req.on("error", failed);
    req.end();
  });
}

test("scripts and styles come in brotli to a browser that takes it, else as Next serves them", async ({
  request,
  baseURL,
}) => {
  const html = await (await request.get("/sign-in")).text();
  const paths = [...new Set(html.match(/\/_next\/static\/[^"'\s?]+\.(?:js|css)/g) ?? [])];
  expect(paths.some((path) => path.endsWith(".css"))).toBe(true);
  let brotli = 0;
  for (const path of paths) {
    const url = `${baseURL}${path}`;
    const plain = await raw(url, {});
    expect(plain.status, path).toBe(200);
    expect(plain.headers["content-encoding"], path).toBeUndefined();
    // Copies are made of files of 1 KiB and more only.
    if (plain.body.length < 1024) continue;

    const br = await raw(url, { "accept-encoding": "gzip, deflate, br, zstd" });
    expect(br.status, path).toBe(200);
    expect(br.headers["content-encoding"], path).toBe("br");
    expect(br.headers.vary, path).toMatch(/accept-encoding/i);
    expect(br.headers["cache-control"], path).toBe("public, max-age=31536000, immutable");
    expect(br.headers["x-content-type-options"], path).toBe("nosniff");
    expect(br.headers["content-type"], path).toBe(
      path.endsWith(".css") ? "text/css; charset=UTF-8" : "application/javascript; charset=UTF-8",
    );
    expect(Number(br.headers["content-length"]), path).toBe(br.body.length);
    expect(brotliDecompressSync(br.body).equals(plain.body), path).toBe(true);

    const gzip = await raw(url, { "accept-encoding": "gzip" });
    expect(gzip.headers["content-encoding"], path).toBe("gzip");
    expect(gzip.headers.vary, path).toMatch(/accept-encoding/i);
    expect(gunzipSync(gzip.body).equals(plain.body), path).toBe(true);
    // Refused by name: not br, whatever else is offered.
    const refused = await raw(url, { "accept-encoding": "br;q=0, gzip" });
    expect(refused.headers["content-encoding"], path).toBe("gzip");

    // The copy's own tag (not the gzip one's), answered 304 when the browser has it.
    const etag = String(br.headers.etag);
    expect(etag).not.toBe(String(gzip.headers.etag));
    const cached = await raw(url, { "accept-encoding": "br", "if-none-match": etag });
    expect(cached.status, path).toBe(304);
    expect(cached.body.length, path).toBe(0);
    const changed = await raw(url, { "accept-encoding": "br", "if-none-match": '"other"' });
    expect(changed.status, path).toBe(200);

    const head = await raw(url, { "accept-encoding": "br" }, "HEAD");
    expect(head.status, path).toBe(200);
    expect(head.headers["content-encoding"], path).toBe("br");
    expect(head.headers["content-length"], path).toBe(br.headers["content-length"]);
    expect(head.body.length, path).toBe(0);
    brotli++;
  }
  expect(brotli).toBeGreaterThan(3);
});

test("a path outside the build is not served from the copies", async ({ baseURL }) => {
  for (const path of [
    "/_next/static/../../package.json",
    "/_next/static/%2e%2e/%2e%2e/package.json",
    "/_next/static/chunks/missing.js",
  ]) {
    const answer = await raw(`${baseURL}${path}`, { "accept-encoding": "br" });
    expect(answer.status, path).not.toBe(200);
    // Next's not-found answer (itself in brotli now, src/server/brotli-responses.mjs), no copy.
    expect(answer.headers["content-type"], path).toMatch(/^text\/(?:html|plain)/);
    expect(answer.headers.etag ?? "", path).not.toMatch(/-br"$/);
  }
});
