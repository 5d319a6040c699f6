import { createHash, randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";

import type { APIRequestContext, Page } from "@playwright/test";
import { expect, test } from "@playwright/test";

import { mutate, signUpByApi, signUpInBrowser } from "./fixtures";

const transcript = Buffer.from(
  "Agent (Priya): Your reference number is TCK-99812.\nMe: Thank you. Ça marche.\n",
);
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
  Buffer.from("IHDR"),
  Buffer.alloc(17),
]);
const unknownId = "6f1d3c2a-9b8e-4f7a-8c6d-5e4f3a2b1c0d";

/** Logs one contact on a new case; returns where its files go. */
async function contactOf(request: APIRequestContext) {
  return (await caseWithContact(request)).files;
}

async function caseWithContact(request: APIRequestContext) {
  const company = await mutate<{ id: string }>(request, "company.create", {
    name: "Rogers",
    website: "rogers.com",
    country: "CA",
  });
  const opened = await mutate<{ id: string }>(request, "case.open", {
    companyId: company.data!.id,
    title: "Internet outage since Monday",
  });
  const contact = await mutate<{ id: string }>(request, "contact.log", {
    caseId: opened.data!.id,
    channelKind: "chat",
    startedAt: new Date().toISOString(),
  });
  return {
    caseId: opened.data!.id,
    files: `/api/contacts/${contact.data!.id}/attachments`,
  };
}

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** A WAV recording (what a phone saves a call as) of exactly `bytes` bytes. */
function recording(bytes: number) {
  const file = randomBytes(bytes);
  file.write("RIFF", 0, "latin1");
  file.writeUInt32LE(bytes - 8, 4);
  file.write("WAVEfmt ", 8, "latin1");
  return file;
}

const upload = (
  request: APIRequestContext,
  url: string,
  name: string,
  buffer: Buffer,
  headers?: Record<string, string>,
) =>
  request.post(url, {
    multipart: { file: { name, mimeType: "text/plain", buffer } },
    headers,
  });

interface Attachment {
  id: string;
  fileName: string;
  mimeType: string;
  sizeBytes: number;
  kind: string;
}

// Two people for the whole file: sign-up allows three attempts per address every 10 seconds,
// so they are made once (and retried while the limiter says wait).
test.describe.configure({ mode: "default" });
let alice: APIRequestContext;
let mallory: APIRequestContext;
test.beforeAll(async ({ playwright, baseURL }) => {
  alice = await playwright.request.newContext({ baseURL });
  mallory = await playwright.request.newContext({ baseURL });
  for (const person of [alice, mallory]) {
    await expect(() => signUpByApi(person)).toPass({ intervals: [2_000], timeout: 30_000 });
  }
});
test.afterAll(async () => {
  await alice.dispose();
  await mallory.dispose();
});

test("a chat transcript file is kept with the contact and downloads unchanged", async () => {
  const files = await contactOf(alice);
  const response = await upload(alice, files, "chat with Priya.txt", transcript);
  expect(response.status()).toBe(201);
  const added = (await response.json()) as Attachment;
  expect(added).toMatchObject({
    fileName: "chat with Priya.txt",
    kind: "transcript",
    sizeBytes: transcript.byteLength,
  });
  expect(added.mimeType).toContain("text/plain");

  const list = await alice.get(files);
  expect(await list.json()).toEqual([added]);

  const download = await alice.get(`/api/attachments/${added.id}`);
  expect(download.status()).toBe(200);
  expect(await download.body()).toEqual(transcript);
  expect(download.headers()).toMatchObject({
    "content-type": expect.stringContaining("text/plain"),
    "x-content-type-options": "nosniff",
    "cache-control": "private, no-store",
    "content-disposition": expect.stringContaining("filename*=UTF-8''chat%20with%20Priya.txt"),
  });

  const part = await alice.get(`/api/attachments/${added.id}`, {
    headers: { range: "bytes=0-4" },
  });
  expect(part.status()).toBe(206);
  expect((await part.body()).toString()).toBe("Agent");

  const removed = await alice.delete(`/api/attachments/${added.id}`);
  expect(removed.status()).toBe(204);
  expect((await alice.get(`/api/attachments/${added.id}`)).status()).toBe(404);
  expect(await (await alice.get(files)).json()).toEqual([]);
});

test("a disguised, empty or oversized file is refused and nothing is stored", async ({
  baseURL,
}) => {
  const files = await contactOf(alice);
  const kept = (await (await upload(alice, files, "kept.txt", transcript)).json()) as Attachment;

  const disguised = await upload(alice, files, "transcript.txt", png);
  expect(disguised.status()).toBe(400);
  expect(((await disguised.json()) as { error: string }).error).toBe(
    "This file's name ends in .txt, but it holds a PNG image. Rename it to end in .png, or choose the file you meant.",
  );
  const unknown = await upload(alice, files, "archive.zip", Buffer.from("PK\x03\x04\x14\0\0\0"));
  expect(((await unknown.json()) as { error: string }).error).toMatch(
    /could not recognise.*PDF, MP3, M4A or WAV file, or a PNG, JPEG, WebP or HEIC image/,
  );

  const empty = await upload(alice, files, "empty.txt", Buffer.alloc(0));
  expect(empty.status()).toBe(400);

  const huge = await upload(alice, files, "huge.txt", Buffer.alloc(26 * 1024 * 1024, 0x61));
  expect(huge.status()).toBe(413);
  expect(await huge.json()).toEqual({ error: "This file is larger than 25 MB." });

  // A body without a declared length (chunked) is counted as it is read: over the limit is a
  // 413 too, not a file cut short.
  const { cookies } = await alice.storageState();
  const cookie = cookies.map((c) => `${c.name}=${c.value}`).join("; ");
  const boundary = "caseward-chunked-test";
  const parts = [
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="huge.txt"\r\nContent-Type: text/plain\r\n\r\n`,
    ),
    ...Array.from({ length: 26 }, () => Buffer.alloc(1024 * 1024, 0x61)),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ];
  const chunked = await fetch(new URL(files, baseURL), {
    method: "POST",
    headers: { cookie, "content-type": `multipart/form-data; boundary=${boundary}` },
    body: new ReadableStream({
      pull(controller) {
        const next = parts.shift();
        if (next) controller.enqueue(next);
        else controller.close();
      },
    }),
    duplex: "half",
  } as RequestInit);
  expect(chunked.status).toBe(413);
  expect(await chunked.json()).toEqual({ error: "This file is larger than 25 MB." });

  const malformed = await alice.post(files, {
    headers: { "content-type": "multipart/form-data; boundary=x" },
    data: "not a form",
  });
  expect(malformed.status()).toBe(400);

  const badId = await upload(alice, "/api/contacts/not-a-uuid/attachments", "a.txt", transcript);
  expect(badId.status()).toBe(400);
  expect((await alice.get("/api/attachments/not-a-uuid")).status()).toBe(400);

  expect(await (await alice.get(files)).json()).toEqual([kept]);
});

test("another user's contact and files answer 404 and reveal nothing", async () => {
  const files = await contactOf(alice);
  const added = (await (
    await upload(alice, files, "private.txt", transcript)
  ).json()) as Attachment;

  const attempts = [
    await upload(mallory, files, "sneaky.txt", transcript),
    await mallory.get(files),
    await mallory.get(`/api/attachments/${added.id}`),
    await mallory.delete(`/api/attachments/${added.id}`),
    await mallory.get(`/api/attachments/${unknownId}`),
  ];
  for (const attempt of attempts) {
    expect(attempt.status()).toBe(404);
    expect(await attempt.text()).not.toContain("TCK-99812");
  }
  expect(await (await alice.get(files)).json()).toEqual([added]);
});

test("an anonymous caller gets 401 and another site's page gets 403", async ({
  playwright,
  baseURL,
}) => {
  const files = await contactOf(alice);
  const added = (await (await upload(alice, files, "chat.txt", transcript)).json()) as Attachment;

  const anonymous = await playwright.request.newContext({ baseURL });
  expect((await upload(anonymous, files, "chat.txt", transcript)).status()).toBe(401);
  expect((await anonymous.get(`/api/attachments/${added.id}`)).status()).toBe(401);
  expect((await anonymous.delete(`/api/attachments/${added.id}`)).status()).toBe(401);
  await anonymous.dispose();

  const crossSite = { origin: "https://evil.example" };
  expect((await upload(alice, files, "csrf.txt", transcript, crossSite)).status()).toBe(403);
  const remove = await alice.delete(`/api/attachments/${added.id}`, { headers: crossSite });
  expect(remove.status()).toBe(403);
  expect(await (await alice.get(files)).json()).toEqual([added]);
});

// ————— through the page, as a person does it —————

/** A new person on the page of a case with one contact: its timeline and its files' address. */
async function casePageWithContact(page: Page) {
  await signUpInBrowser(page);
  const { caseId, files } = await caseWithContact(page.request);
  await page.goto(`/cases/${caseId}`);
  const timeline = page.getByRole("list", { name: "Contacts" });
  const attach = (file: { name: string; mimeType: string; buffer: Buffer }) =>
    timeline.getByLabel("Attach a transcript, recording or photo").setInputFiles(file);
  return { timeline, files, attach };
}

test("a person attaches a 24 MB call recording and downloads the same bytes", async ({ page }) => {
  test.setTimeout(120_000);
  const file = recording(24 * 1024 * 1024);
  const { timeline, files, attach } = await casePageWithContact(page);
  await attach({
    name: "call with the bank.wav",
    mimeType: "audio/wav",
    buffer: file,
  });
  const link = timeline.getByRole("link", { name: "call with the bank.wav" });
  await expect(link).toBeVisible({ timeout: 60_000 });
  await expect(timeline.getByText("24 MB")).toBeVisible();
  await expect(timeline.getByRole("alert")).toHaveCount(0);

  const download = page.waitForEvent("download");
  await link.click();
  const saved = await readFile(await (await download).path());
  expect(saved.byteLength).toBe(file.byteLength);
  expect(sha256(saved)).toBe(sha256(file));

  // A player seeking in the middle gets exactly that range.
  const [added] = (await (await page.request.get(files)).json()) as Attachment[];
  const middle = 12 * 1024 * 1024;
  const part = await page.request.get(`/api/attachments/${added!.id}`, {
    headers: { range: `bytes=${middle}-${middle + 99}` },
  });
  expect(part.status()).toBe(206);
  expect((await part.body()).equals(file.subarray(middle, middle + 100))).toBe(true);
});

test("a person attaches a photo of a letter and sees its thumbnail; nobody else can", async ({
  page,
  playwright,
  baseURL,
}) => {
  const { timeline, files, attach } = await casePageWithContact(page);
  await attach({
    name: "IMG_4021.jpg",
    mimeType: "image/jpeg",
    buffer: await readFile(new URL("./files/letter.jpg", import.meta.url)),
  });
  const thumbnail = timeline.getByRole("img", { name: "Preview of IMG_4021.jpg" });
  await expect(thumbnail).toBeVisible();
  await expect
    .poll(() => thumbnail.evaluate((img: HTMLImageElement) => img.naturalWidth))
    .toBe(240); // 1200×1600 fitted into 320×320
  await expect(timeline.getByText("Image", { exact: true })).toBeVisible();

  const [added] = (await (await page.request.get(files)).json()) as Attachment[];
  const own = await page.request.get(`/api/attachments/${added!.id}/thumbnail`);
  expect(own.status()).toBe(200);
  expect(own.headers()).toMatchObject({
    "content-type": "image/webp",
    "cache-control": "private, no-store",
    "x-content-type-options": "nosniff",
  });
  const stranger = await playwright.request.newContext({ baseURL });
  await signUpByApi(stranger);
  expect((await stranger.get(`/api/attachments/${added!.id}/thumbnail`)).status()).toBe(404);
  await stranger.dispose();
});

test("a person picks a text file named .exe and is told to rename it; nothing is kept", async ({
  page,
}) => {
  const { timeline, files, attach } = await casePageWithContact(page);
  await attach({
    name: "evil.exe",
    mimeType: "application/octet-stream",
    buffer: transcript,
  });
  await expect(timeline.getByRole("alert")).toContainText(
    "This file's name ends in .exe, but it holds plain text. Rename it to end in .txt, or choose the file you meant.",
  );
  expect(await (await page.request.get(files)).json()).toEqual([]);
});
