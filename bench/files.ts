// The files part of `pnpm bench`: a 25 MB recording uploaded to a contact and downloaded again
// through the production build (`next start`), as the browser does it (multipart POST, GET,
// a byte range of an audio player seeking), timed, with the web server's memory sampled while
// it streams the file. Every download is checked byte for byte against what was sent. Then the
// storage alone, the database beside the disk the files lived on before (same 25 MB, same
// encryption), and the thumbnail of a 12 MP photo, JPEG and HEIC.
import { createHash, randomBytes } from "node:crypto";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

import {
  addAttachment,
  createCompany,
  diskFiles,
  getAttachmentForDownload,
  logContact,
  makeThumbnail,
  openCase,
} from "@caseward/core";
import { createDatabase } from "@caseward/db/client";
import { users } from "@caseward/db/schema";
import sharp from "sharp";

import { stats } from "./timing";

export interface FilesSummary {
  fileBytes: number;
  runs: number;
  uploadMedianMs: number;
  uploadMinMs: number;
  downloadMedianMs: number;
  downloadMinMs: number;
  /** A 1 MB range from the middle of the file (an audio player seeking). */
  rangeMedianMs: number;
  /** The web server's resident memory (process and children), in MB: at the start, before the
   * downloads (after the uploads) and at most during them. */
  webRssBeforeMb: number;
  webRssBeforeDownloadsMb: number;
  webRssPeakDuringDownloadMb: number;
  webRssPeakDuringUploadMb: number;
  /** The storage alone, in the bench process: store then read 25 MB, database and disk. */
  storeDatabaseMedianMs?: number;
  readDatabaseMedianMs?: number;
  storeDiskMedianMs?: number;
  readDiskMedianMs?: number;
  /** Thumbnail of a 12 MP photo (4032×3024), as made at upload. */
  thumbnailJpeg12mpMedianMs?: number;
  thumbnailHeic12mpMedianMs?: number;
}

/** Resident set size of `pid` and every process under it, in MB (Linux /proc). */
export async function treeRssMb(pid: number) {
  const parents = new Map<number, { parent: number; kb: number }>();
  for (const entry of await readdir("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const status = await readFile(`/proc/${entry}/status`, "utf8").catch(() => "");
    const parent = Number(/^PPid:\s+(\d+)/m.exec(status)?.[1] ?? 0);
    const kb = Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? 0);
    parents.set(Number(entry), { parent, kb });
  }
  let kb = 0;
  for (const [id, process] of parents) {
    for (let at = id, hops = 0; at > 1 && hops < 50; hops++) {
      if (at === pid) {
        kb += process.kb;
        break;
      }
      at = parents.get(at)?.parent ?? 0;
    }
  }
  return Math.round((kb / 1024) * 10) / 10;
}

/** Samples the tree's RSS every 25 ms while `task` runs; the task's result and the peak. */
async function peakRssDuring<T>(pid: number, task: () => Promise<T>) {
  let peak = 0;
  let running = true;
  const sampler = (async () => {
    while (running) {
      peak = Math.max(peak, await treeRssMb(pid));
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  })();
  try {
    return { result: await task(), peakMb: peak };
  } finally {
    running = false;
    await sampler;
    peak = Math.max(peak, await treeRssMb(pid));
  }
}

/** A WAV file (what a recorded call is saved as) of exactly `bytes` bytes of noise. */
function recording(bytes: number) {
  const file = randomBytes(bytes);
  const header = Buffer.alloc(44);
  header.write("RIFF", 0, "latin1");
  header.writeUInt32LE(bytes - 8, 4);
  header.write("WAVEfmt ", 8, "latin1");
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(44_100, 24);
  header.writeUInt32LE(88_200, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write("data", 36, "latin1");
  header.writeUInt32LE(bytes - 44, 40);
  header.copy(file);
  return file;
}

async function trpc<T>(baseUrl: string, cookie: string, procedure: string, input: unknown) {
  const response = await fetch(`${baseUrl}/api/trpc/${procedure}`, {
    method: "POST",
    headers: { cookie, origin: baseUrl, "content-type": "application/json" },
    body: JSON.stringify({ json: input }),
  });
  if (!response.ok) {
    throw new Error(`${procedure} answered ${response.status}: ${await response.text()}`);
  }
  return ((await response.json()) as { result: { data: { json: T } } }).result.data.json;
}

/** Reads a response to its end; its length and SHA-256. */
async function drain(response: Response) {
  const hash = createHash("sha256");
  let length = 0;
  const reader = response.body!.getReader();
  for (let next = await reader.read(); !next.done; next = await reader.read()) {
    hash.update(next.value);
    length += next.value.byteLength;
  }
  return { length, sha256: hash.digest("hex") };
}

export async function benchFiles(options: {
  baseUrl: string;
  cookie: string;
  webPid: number;
  runs: number;
  fileBytes: number;
}): Promise<{ summary: FilesSummary; details: object }> {
  const { baseUrl, cookie, webPid, runs, fileBytes } = options;
  const company = await trpc<{ id: string }>(baseUrl, cookie, "company.create", {
    name: "Rogers",
    website: "rogers.com",
    country: "CA",
  });
  const opened = await trpc<{ id: string }>(baseUrl, cookie, "case.open", {
    companyId: company.id,
    title: "Recorded call",
  });
  const contact = await trpc<{ id: string }>(baseUrl, cookie, "contact.log", {
    caseId: opened.id,
    channelKind: "phone",
    startedAt: new Date().toISOString(),
  });
  const file = recording(fileBytes);
  const sha256 = createHash("sha256").update(file).digest("hex");
  const rssBefore = await treeRssMb(webPid);

  const upload = async () => {
    const form = new FormData();
    form.append("file", new Blob([file], { type: "audio/wav" }), "call.wav");
    const started = performance.now();
    const response = await fetch(`${baseUrl}/api/contacts/${contact.id}/attachments`, {
      method: "POST",
      headers: { cookie, origin: baseUrl },
      body: form,
    });
    const body = (await response.json()) as { id?: string; error?: string };
    if (response.status !== 201 || !body.id) {
      throw new Error(`upload answered ${response.status}: ${body.error ?? ""}`);
    }
    return { id: body.id, ms: performance.now() - started };
  };
  const download = async (id: string, range?: string) => {
    const started = performance.now();
    const response = await fetch(`${baseUrl}/api/attachments/${id}`, {
      headers: { cookie, ...(range ? { range } : {}) },
    });
    const read = await drain(response);
    if (response.status !== (range ? 206 : 200)) {
      throw new Error(`download answered ${response.status}`);
    }
    return { ...read, ms: performance.now() - started };
  };

  // One untimed round: the routes are compiled and the connections warm.
  const warm = await upload();
  await download(warm.id);

  // Uploads first, then downloads: the memory an upload leaves behind (until the collector
  // returns it) is not counted against the downloads.
  const uploads: number[] = [];
  const ids: string[] = [];
  let uploadPeak = 0;
  for (let run = 0; run < runs; run++) {
    const up = await peakRssDuring(webPid, upload);
    uploadPeak = Math.max(uploadPeak, up.peakMb);
    uploads.push(up.result.ms);
    ids.push(up.result.id);
  }
  const rssBeforeDownloads = await treeRssMb(webPid);
  const downloads: number[] = [];
  let downloadPeak = 0;
  for (const id of ids) {
    const down = await peakRssDuring(webPid, () => download(id));
    downloadPeak = Math.max(downloadPeak, down.peakMb);
    if (down.result.length !== fileBytes || down.result.sha256 !== sha256) {
      throw new Error("a download differs from the file uploaded");
    }
    downloads.push(down.result.ms);
  }
  const ranges: number[] = [];
  const middle = Math.floor(fileBytes / 2);
  for (const id of ids) {
    const part = await download(id, `bytes=${middle}-${middle + 1024 * 1024 - 1}`);
    if (part.length !== 1024 * 1024) throw new Error(`a range gave ${part.length} bytes`);
    ranges.push(part.ms);
  }
  const up = stats(uploads);
  const down = stats(downloads);
  const range = stats(ranges);
  const summary: FilesSummary = {
    fileBytes,
    runs,
    uploadMedianMs: Math.round(up.median),
    uploadMinMs: Math.round(up.min),
    downloadMedianMs: Math.round(down.median),
    downloadMinMs: Math.round(down.min),
    rangeMedianMs: Math.round(range.median),
    webRssBeforeMb: rssBefore,
    webRssBeforeDownloadsMb: rssBeforeDownloads,
    webRssPeakDuringDownloadMb: downloadPeak,
    webRssPeakDuringUploadMb: uploadPeak,
  };
  return { summary, details: { ...summary, uploads: up, downloads: down, ranges: range } };
}

const drainStream = async (stream: ReadableStream<Uint8Array>) => {
  let length = 0;
  const reader = stream.getReader();
  for (let next = await reader.read(); !next.done; next = await reader.read()) {
    length += next.value.byteLength;
  }
  return length;
};

/**
 * The storage alone: the service that stores a file in the database (sniff, SHA-256, chunks
 * sealed and inserted in one transaction) and reads it back, beside the disk module files were
 * kept in before (encrypted whole, written to a temporary file, fsync, rename). In the bench
 * process, on the stack's database; the key ring is the bench's.
 */
export async function benchStorage(options: {
  databaseUrl: string;
  runs: number;
  fileBytes: number;
}) {
  const connection = createDatabase(options.databaseUrl, { max: 2 });
  const uploadDir = await mkdtemp(join(tmpdir(), "caseward-bench-disk-"));
  try {
    const { db } = connection;
    const userId = randomBytes(16).toString("hex");
    await db
      .insert(users)
      .values({ id: userId, name: "Bench Storage", email: `${userId}@example.test` });
    const company = await createCompany(db, userId, { name: "Rogers", website: "rogers.com" });
    const opened = await openCase(db, userId, { companyId: company.id, title: "Recorded call" });
    const contact = await logContact(db, userId, {
      caseId: opened.id,
      channelKind: "phone",
      startedAt: new Date(),
    });
    const file = new Uint8Array(recording(options.fileBytes));
    const samples = {
      storeDb: [] as number[],
      readDb: [] as number[],
      storeDisk: [] as number[],
      readDisk: [] as number[],
    };
    for (let run = 0; run < options.runs + 1; run++) {
      let started = performance.now();
      const added = await addAttachment(db, userId, {
        contactId: contact.id,
        fileName: "call.wav",
        bytes: file,
      });
      const storeDb = performance.now() - started;
      started = performance.now();
      const download = await getAttachmentForDownload(db, userId, added.id);
      if ((await drainStream(download.stream)) !== options.fileBytes) throw new Error("short read");
      const readDb = performance.now() - started;

      const location = { uploadDir, ownerId: userId, storageKey: diskFiles.newStorageKey() };
      started = performance.now();
      await diskFiles.writeAttachmentFile(location, file);
      const storeDisk = performance.now() - started;
      started = performance.now();
      const stream = await diskFiles.readAttachmentFile(location);
      if ((await drainStream(stream!)) !== options.fileBytes) throw new Error("short read");
      const readDisk = performance.now() - started;
      if (run === 0) continue; // warm-up
      samples.storeDb.push(storeDb);
      samples.readDb.push(readDb);
      samples.storeDisk.push(storeDisk);
      samples.readDisk.push(readDisk);
    }
    const median = (list: number[]) => Math.round(stats(list).median);
    return {
      storeDatabaseMedianMs: median(samples.storeDb),
      readDatabaseMedianMs: median(samples.readDb),
      storeDiskMedianMs: median(samples.storeDisk),
      readDiskMedianMs: median(samples.readDisk),
    };
  } finally {
    await connection.close();
    await rm(uploadDir, { recursive: true, force: true });
  }
}

/** The thumbnail of a 12 MP photo, as an upload makes it: a JPEG and a HEIC from a phone. */
export async function benchThumbnails(runs: number) {
  // Blurred noise: it compresses like a photo (about 1.5 MB at quality 90), not like a flat image.
  const jpeg = await sharp({
    create: {
      width: 4032,
      height: 3024,
      channels: 3,
      background: "#808080",
      noise: { type: "gaussian", mean: 128, sigma: 60 },
    },
  })
    .blur(3)
    .jpeg({ quality: 90 })
    .toBuffer();
  // Made from such a JPEG with libheif's heif-enc (x265), as an iPhone's camera would save it.
  const heic = await readFile(new URL("./files/photo-12mp.heic", import.meta.url));
  const time = async (bytes: Uint8Array, mimeType: string) => {
    const samples: number[] = [];
    for (let run = 0; run < runs + 1; run++) {
      const started = performance.now();
      await makeThumbnail(bytes, mimeType);
      if (run > 0) samples.push(performance.now() - started);
    }
    return Math.round(stats(samples).median);
  };
  return {
    thumbnailJpeg12mpMedianMs: await time(jpeg, "image/jpeg"),
    thumbnailHeic12mpMedianMs: await time(heic, "image/heic"),
  };
}
