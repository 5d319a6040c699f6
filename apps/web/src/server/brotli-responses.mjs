// What Next writes (pages, RSC payloads, API answers) in brotli to the clients that accept it.
// Next compresses with gzip only. Lighthouse's phone simulation sends a document in TCP windows
// of 14,600 bytes, headers included, each window past the first one more 150 ms round trip
// before the largest paint (docs/benchmarks.md, "Pages on a phone"). Brotli makes the pages
// about 25% smaller than Next's gzip: one window holds about 150 KB of the dashboard's HTML
// instead of 114 KB. server.mjs calls `encodeInBrotli` before Next's handler; this tells Next
// the client takes `identity` only, so nothing is compressed twice, and compresses what Next
// then writes. Other clients get Next's own gzip as before. Plain JavaScript with JSDoc types:
// server.mjs runs it as is.
import { Buffer } from "node:buffer";
import { setImmediate } from "node:timers";
import { constants, createBrotliCompress } from "node:zlib";

/**
 * Quality 5. On the dashboard's 178 KB of HTML (the bench's data): q4 17.1 KB, q5 15.9 KB, q6
 * 15.7 KB, gzip 6 20.7 KB; CPU per page 1.0, 1.3 and 1.5 ms, gzip 6 1.6 ms, against about 30 ms
 * to render it. q6 costs 15% more for 1% fewer bytes; q11 (the build's static copies) 120 ms.
 */
const quality = 5;
/** Smaller bodies gain less than a packet (as Next's gzip, and the build's static copies). */
const minBytes = 1024;
/**
 * Text is worth compressing: pages, RSC payloads (text/x-component), JSON, CSV, calendars,
 * scripts, styles, SVG. Images, PDFs, archives and other binary files go as they are.
 */
const textType =
  /^\s*(?:text\/[\w.+-]+|application\/(?:[\w.-]+\+)?(?:json|xml|javascript)|image\/svg\+xml)\s*(?:;|$)/i;

/**
 * Whether `Accept-Encoding` admits br (named with a non-zero q, or `*` without naming it).
 * @param {string | undefined} header
 */
export function acceptsBrotli(header) {
  if (!header) return false;
  let star = false;
  for (const part of header.toLowerCase().split(",")) {
    const [coding, ...params] = part.trim().split(";");
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    const allowed = !q || Number(q.slice(2)) > 0;
    if (coding?.trim() === "br") return allowed;
    if (coding?.trim() === "*") star = allowed;
  }
  return star;
}

/**
 * Whether the response about to be sent gets compressed: text, not encoded already, not a
 * range, a body (not 204 or 304) of at least `minBytes` when its length is known, and no
 * `no-transform` (RFC 9111 §5.2.2.6).
 * @param {import("node:http").ServerResponse} res
 * @param {number | undefined} length
 */
function compressible(res, length) {
  const status = res.statusCode;
  if (status < 200 || status === 204 || status === 206 || status === 304) return false;
  const encoding = headerText(res, "content-encoding").trim().toLowerCase();
  if (encoding && encoding !== "identity") return false;
  if (res.hasHeader("content-range")) return false;
  if (/(?:^|,)\s*no-transform\s*(?:,|$)/i.test(headerText(res, "cache-control"))) return false;
  if (!textType.test(headerText(res, "content-type"))) return false;
  return length === undefined || length >= minBytes;
}

/** @param {import("node:http").ServerResponse} res @param {string} name */
function headerText(res, name) {
  const value = res.getHeader(name);
  return Array.isArray(value) ? value.join(", ") : String(value ?? "");
}

/**
 * The headers of a compressed response: br, no length (the stream's is not known), no ranges
 * (they would count the compressed bytes), a weak tag (the bytes differ from the plain
 * response's, RFC 9110 §8.8.1), and caches told the answer depends on `Accept-Encoding`.
 * @param {import("node:http").ServerResponse} res
 */
function setBrotliHeaders(res) {
  res.setHeader("Content-Encoding", "br");
  res.removeHeader("Content-Length");
  res.removeHeader("Accept-Ranges");
  const etag = res.getHeader("ETag");
  if (typeof etag === "string" && etag.startsWith('"')) res.setHeader("ETag", `W/${etag}`);
  const vary = headerText(res, "Vary");
  if (!/(?:^|,)\s*(?:\*|accept-encoding)\s*(?:,|$)/i.test(vary)) {
    res.setHeader("Vary", vary ? `${vary}, Accept-Encoding` : "Accept-Encoding");
  }
}

/**
 * `writeHead(status, [message], headers)`'s headers set on the response, as Node itself does
 * when headers were also set one by one: an object's replace, an array's (`[name, value, …]`)
 * are appended after removing those names.
 * @param {import("node:http").ServerResponse} res
 * @param {unknown} headers
 */
function setWriteHeadHeaders(res, headers) {
  if (Array.isArray(headers)) {
    const pairs = /** @type {unknown[]} */ (headers);
    for (let i = 0; i < pairs.length; i += 2) res.removeHeader(String(pairs[i]));
    for (let i = 0; i < pairs.length; i += 2)
      res.appendHeader(String(pairs[i]), String(pairs[i + 1]));
  } else if (headers && typeof headers === "object") {
    for (const [name, value] of Object.entries(/** @type {Record<string, unknown>} */ (headers))) {
      if (value !== undefined)
        res.setHeader(name, /** @type {string | string[] | number} */ (value));
    }
  }
}

/**
 * The byte length of what `end(chunk, encoding)` sends, when it is the whole body.
 * @param {unknown} chunk
 * @param {BufferEncoding | undefined} encoding
 */
function bodyLength(chunk, encoding) {
  if (typeof chunk === "string") return Buffer.byteLength(chunk, encoding);
  if (chunk instanceof Uint8Array) return chunk.byteLength;
  return 0;
}

/**
 * Makes the response go out in brotli when the client accepts br and the response is worth it
 * (`compressible`), deciding when its headers are sent; else leaves it to Next as before.
 * Call before Next's handler.
 *
 * Streaming: Next sends a page as React renders it (each Suspense boundary when its data
 * comes). What was written in one turn of the event loop is flushed to the client at the end of
 * that turn, not held until the compressor's buffer fills or the page ends; one flush a turn
 * rather than one a write, as each flush costs a few bytes and a packet.
 *
 * Backpressure: Next waits for the response's `drain` when `write` returns false. `write`
 * returns what the compressor's does, so the response emits `drain` when the compressor
 * drains (the socket's own `drain` is not enough: it never comes for a response that never
 * filled the socket). The compressor's output goes to the socket and pauses while the socket
 * is full, so a slow client holds back the compressor, and through it Next, with bounded
 * memory.
 * @param {import("node:http").IncomingMessage} req
 * @param {import("node:http").ServerResponse} res
 */
export function encodeInBrotli(req, res) {
  // HEAD has no body; a range counts the plain bytes: both as Next answers them.
  if (req.method === "HEAD" || req.headers.range) return;
  if (!acceptsBrotli(req.headers["accept-encoding"])) return;
  req.headers["accept-encoding"] = "identity";

  // Node's own, which send the headers and the bytes as given.
  /** @typedef {(...args: unknown[]) => unknown} Original */
  const writeHead = /** @type {Original} */ (res.writeHead.bind(res));
  const write = /** @type {(...args: unknown[]) => boolean} */ (res.write.bind(res));
  const end = /** @type {Original} */ (res.end.bind(res));
  /** Undecided until the headers are sent, then the compressor, or null for the plain body. */
  /** @type {import("node:zlib").BrotliCompress | null | undefined} */
  let brotli;
  let flushScheduled = false;
  let ending = false;

  /** @param {number | undefined} length the whole body's, when known */
  function decide(length) {
    const declared = res.getHeader("content-length");
    length ??= declared === undefined ? undefined : Number(declared);
    if (!compressible(res, length)) {
      brotli = null;
      return;
    }
    setBrotliHeaders(res);
    /** @type {Record<number, number>} */
    const params = {
      [constants.BROTLI_PARAM_QUALITY]: quality,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
    };
    if (length !== undefined) params[constants.BROTLI_PARAM_SIZE_HINT] = length;
    const compressor = createBrotliCompress({ params });
    compressor.on("data", (/** @type {Buffer} */ chunk) => {
      if (!write(chunk)) compressor.pause();
    });
    res.on("drain", () => compressor.resume());
    compressor.on("drain", () => res.emit("drain"));
    compressor.on("error", (error) => res.destroy(error));
    // A client gone before the end: free the compressor's native memory now.
    res.once("close", () => compressor.destroy());
    brotli = compressor;
  }

  function flushThisTurn() {
    if (flushScheduled) return;
    flushScheduled = true;
    setImmediate(() => {
      flushScheduled = false;
      if (brotli && !brotli.writableEnded) brotli.flush(constants.BROTLI_OPERATION_FLUSH);
    });
  }

  /** Sends the headers now (deciding), as Node would before a body's first bytes. */
  function sendHeaders() {
    if (!res.headersSent) res.writeHead(res.statusCode);
  }

  /**
   * @param {number} statusCode
   * @param {unknown[]} rest [message], [headers]
   */
  function writeHeadInBrotli(statusCode, ...rest) {
    if (brotli !== undefined) return writeHead(statusCode, ...rest);
    const message = typeof rest[0] === "string" ? rest[0] : undefined;
    setWriteHeadHeaders(res, message === undefined ? rest[0] : rest[1]);
    res.statusCode = statusCode;
    decide(undefined);
    return message === undefined ? writeHead(statusCode) : writeHead(statusCode, message);
  }

  /** @param {unknown[]} args chunk, [encoding], [callback] */
  function writeInBrotli(...args) {
    sendHeaders();
    if (!brotli) return write(...args);
    const [chunk, encoding, callback] = args;
    const ok = brotli.write(
      chunk,
      typeof encoding === "string" ? /** @type {BufferEncoding} */ (encoding) : "utf8",
      /** @type {((error: Error | null | undefined) => void) | undefined} */ (
        typeof encoding === "function" ? encoding : callback
      ),
    );
    flushThisTurn();
    return ok;
  }

  /** @param {unknown[]} args [chunk], [encoding], [callback] */
  function endInBrotli(...args) {
    const [chunk, encoding] = args;
    const data = typeof chunk === "function" ? undefined : chunk;
    const textEncoding =
      typeof encoding === "string" ? /** @type {BufferEncoding} */ (encoding) : "utf8";
    // The whole body in one call: its length is known, as Node's Content-Length would be.
    if (brotli === undefined && !res.headersSent) decide(bodyLength(data, textEncoding));
    if (!brotli) return end(...args);
    sendHeaders();
    if (ending) return res;
    ending = true;
    const done = args.find((arg) => typeof arg === "function");
    brotli.once("end", () => end(done));
    if (data === undefined || data === null) brotli.end();
    else brotli.end(data, textEncoding);
    return res;
  }

  res.writeHead = /** @type {typeof res.writeHead} */ (/** @type {unknown} */ (writeHeadInBrotli));
  res.write = /** @type {typeof res.write} */ (/** @type {unknown} */ (writeInBrotli));
  res.end = /** @type {typeof res.end} */ (/** @type {unknown} */ (endInBrotli));
}
