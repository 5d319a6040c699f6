// The responses Next writes, in brotli to the clients that accept it (brotli-responses.mjs):
// a real HTTP server whose handler writes as Next does, a real client that reads the bytes as
// sent and decodes them.
import { randomBytes } from "node:crypto";
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from "node:http";
import { createServer, request } from "node:http";
import type { AddressInfo } from "node:net";
import { brotliDecompressSync, createBrotliDecompress, gzipSync } from "node:zlib";

import { afterEach, describe, expect, it } from "vitest";

import { acceptsBrotli, encodeInBrotli } from "./brotli-responses.mjs";

type Handler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

const servers: { close: () => void }[] = [];
afterEach(() => {
  for (const server of servers.splice(0)) server.close();
});

/** A server that does what server.mjs does: the wrapper, then the handler (Next's part). */
async function serve(handler: Handler) {
  const server = createServer((req, res) => {
    encodeInBrotli(req, res);
    void handler(req, res);
  });
  servers.push({
    close: () => {
      server.closeAllConnections();
      server.close();
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

interface Raw {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/**
 * One request; the body as sent, not decoded. `beforeReading` holds the reading back;
 * `onChunk` sees each chunk as it comes.
 */
function raw(
  url: string,
  headers: Record<string, string>,
  method = "GET",
  {
    beforeReading,
    onChunk,
  }: { beforeReading?: Promise<void>; onChunk?: (chunk: Buffer) => void } = {},
) {
  return new Promise<Raw>((done, failed) => {
    const req = request(url, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      if (beforeReading) {
        res.pause();
        void beforeReading.then(() => res.resume());
      }
      res.on("data", (chunk: Buffer) => {
        chunks.push(chunk);
        onChunk?.(chunk);
      });
      res.on("end", () =>
        done({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
      res.on("error", failed);
    });
    req.on("error", failed);
    req.end();
  });
}

const br = { "accept-encoding": "gzip, deflate, br, zstd" };
/** A page's worth of HTML, well over the 1 KiB below which nothing is compressed. */
const page = Buffer.from(
  `<!DOCTYPE html><html><body>${Array.from({ length: 400 }, (_, i) => `<p>Case ${i}</p>`).join("")}</body></html>`,
);

/** A promise and its resolver (Promise.withResolvers, not in Node 20). */
function withResolvers<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => (resolve = done));
  return { promise, resolve };
}

/** Writes as Next's pipeToNodeResponse does: waits for `drain` when `write` returns false. */
async function writeLikeNext(res: ServerResponse, chunks: Buffer[]) {
  let backpressured = 0;
  let drained = withResolvers<void>();
  res.on("drain", () => drained.resolve());
  for (const chunk of chunks) {
    if (!res.write(chunk)) {
      backpressured++;
      await drained.promise;
      drained = withResolvers<void>();
    }
  }
  res.end();
  return backpressured;
}

describe("acceptsBrotli", () => {
  it.each([
    ["br", true],
    ["gzip, deflate, br, zstd", true],
    ["br;q=0.5, gzip", true],
    ["BR", true],
    ["*", true],
    ["gzip", false],
    ["", false],
    ["br;q=0", false],
    ["br;q=0, gzip", false],
    ["*;q=0", false],
    // Refused by name, whatever `*` says.
    ["*, br;q=0", false],
  ])("%j → %s", (header, expected) => {
    expect(acceptsBrotli(header)).toBe(expected);
  });
});

describe("encodeInBrotli", () => {
  it("sends a page in brotli to a client that accepts br, and Next is told identity only", async () => {
    let seen: string | undefined;
    const url = await serve((req, res) => {
      seen = req.headers["accept-encoding"];
      res.setHeader("Content-Type", "text/html; charset=utf-8");
      res.setHeader("Content-Length", page.length);
      res.setHeader("Vary", "rsc, next-router-state-tree");
      res.setHeader("ETag", '"abc"');
      res.end(page);
    });
    const answer = await raw(url, br);
    expect(seen).toBe("identity");
    expect(answer.headers["content-encoding"]).toBe("br");
    expect(answer.headers["content-length"]).toBeUndefined();
    expect(answer.headers.vary).toBe("rsc, next-router-state-tree, Accept-Encoding");
    expect(answer.headers.etag).toBe('W/"abc"');
    expect(brotliDecompressSync(answer.body).equals(page)).toBe(true);
  });

  it.each([["gzip, deflate"], ["br;q=0, gzip"], ["*;q=0, gzip"]])(
    "leaves %j to Next's own gzip",
    async (acceptEncoding) => {
      let seen: string | undefined;
      const url = await serve((req, res) => {
        seen = req.headers["accept-encoding"];
        // Next's gzip, as its compression middleware makes it.
        res.setHeader("Content-Type", "text/html; charset=utf-8");
        res.setHeader("Content-Encoding", "gzip");
        res.end(gzipSync(page));
      });
      const answer = await raw(url, { "accept-encoding": acceptEncoding });
      expect(seen).toBe(acceptEncoding);
      expect(answer.headers["content-encoding"]).toBe("gzip");
      expect(answer.body.equals(gzipSync(page))).toBe(true);
    },
  );

  it("answers HEAD and byte ranges as Next does", async () => {
    const seen: (string | undefined)[] = [];
    const url = await serve((req, res) => {
      seen.push(req.headers["accept-encoding"]);
      res.setHeader("Content-Type", "text/plain");
      res.setHeader("Content-Length", page.length);
      res.end(req.method === "HEAD" ? undefined : page);
    });
    const head = await raw(url, br, "HEAD");
    expect(head.headers["content-encoding"]).toBeUndefined();
    expect(head.headers["content-length"]).toBe(String(page.length));
    const range = await raw(url, { ...br, range: "bytes=0-99" });
    expect(range.headers["content-encoding"]).toBeUndefined();
    expect(seen).toEqual([br["accept-encoding"], br["accept-encoding"]]);
  });

  it.each([
    ["304", 304, {}],
    ["204", 204, {}],
    ["no-transform", 200, { "Cache-Control": "private, no-transform" }],
    ["a PDF", 200, { "Content-Type": "application/pdf" }],
    ["a zip", 200, { "Content-Type": "application/zip" }],
    ["a body encoded already", 200, { "Content-Encoding": "gzip" }],
  ] as const)("sends %s as it is", async (_, status, headers) => {
    const body = status === 200 ? page : Buffer.alloc(0);
    const url = await serve((_req, res) => {
      res.statusCode = status;
      res.setHeader("Content-Type", "text/html");
      for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
      res.end(body);
    });
    const answer = await raw(url, br);
    expect(answer.status).toBe(status);
    expect(answer.headers["content-encoding"]).toBe(
      "Content-Encoding" in headers ? headers["Content-Encoding"] : undefined,
    );
    expect(answer.body.equals(body)).toBe(true);
  });

  it("sends a body under 1 KiB as it is, with its length", async () => {
    const small = Buffer.from(JSON.stringify({ ok: true }));
    const url = await serve((_req, res) => {
      res.setHeader("Content-Type", "application/json");
      res.end(small);
    });
    const answer = await raw(url, br);
    expect(answer.headers["content-encoding"]).toBeUndefined();
    expect(answer.headers["content-length"]).toBe(String(small.length));
    expect(answer.body.equals(small)).toBe(true);
  });

  it.each([
    ["an object", { "Content-Type": "text/x-component", "Content-Length": String(page.length) }],
    ["an array", ["Content-Type", "application/json", "Set-Cookie", "a=1", "Set-Cookie", "b=2"]],
  ])("reads writeHead's headers given as %s", async (_, headers) => {
    const url = await serve((_req, res) => {
      res.setHeader("Content-Type", "application/octet-stream");
      res.writeHead(200, "OK", headers);
      res.end(page);
    });
    const answer = await raw(url, br);
    expect(answer.headers["content-encoding"]).toBe("br");
    expect(answer.headers["content-length"]).toBeUndefined();
    if (Array.isArray(headers)) expect(answer.headers["set-cookie"]).toEqual(["a=1", "b=2"]);
    expect(brotliDecompressSync(answer.body).equals(page)).toBe(true);
  });

  it("sends what was written before the page ends (a Suspense boundary's wait)", async () => {
    const shell = page.subarray(0, 2000);
    const rest = page.subarray(2000);
    const shellArrived = withResolvers<string>();
    const url = await serve(async (_req, res) => {
      res.setHeader("Content-Type", "text/html; charset=utf-8");
      res.write(shell);
      // The rest comes once the client has the shell, or after 3 s if it never does.
      const timeout = setTimeout(() => shellArrived.resolve("timed out"), 3000);
      await shellArrived.promise;
      clearTimeout(timeout);
      res.end(rest);
    });
    const decoded: Buffer[] = [];
    const decoder = createBrotliDecompress();
    decoder.on("data", (chunk: Buffer) => {
      decoded.push(chunk);
      if (Buffer.concat(decoded).length >= shell.length) shellArrived.resolve("shell");
    });
    const answer = await raw(url, br, "GET", { onChunk: (chunk) => decoder.write(chunk) });
    expect(await shellArrived.promise).toBe("shell");
    expect(brotliDecompressSync(answer.body).equals(page)).toBe(true);
  });

  it("gets a large page through a slow client, waiting for drain as Next does", async () => {
    // Random text compresses to about half: the compressed bytes fill the socket too.
    const chunks = Array.from({ length: 600 }, () =>
      Buffer.from(randomBytes(1024).toString("hex")),
    );
    const whole = Buffer.concat(chunks);
    let backpressured = 0;
    const url = await serve(async (_req, res) => {
      res.setHeader("Content-Type", "text/html; charset=utf-8");
      backpressured = await writeLikeNext(res, chunks);
    });
    const answer = await raw(url, br, "GET", {
      beforeReading: new Promise((resolve) => setTimeout(resolve, 300)),
    });
    expect(answer.headers["content-encoding"]).toBe("br");
    expect(whole.length).toBeGreaterThan(1_000_000);
    expect(brotliDecompressSync(answer.body).equals(whole)).toBe(true);
    expect(backpressured).toBeGreaterThan(0);
  });
});
