// Issue 18, findings 3 and 4: what the probe sent the running app, sent to the tRPC route
// handler as HTTP requests. A NUL byte or a year-0 date is a 400 with a sentence; a bug is a
// 500 whose answer holds an id and no database message; a chunked body is counted as it is read.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { createTestUser } from "@caseward/core/testing";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import {
  fieldErrorsOf,
  messageOf,
  mockServerModules,
  sessionOf,
  trpcOverHttp,
} from "~/testing/server";

const { fake, db, closeDb } = await mockServerModules();
const trpcRoute = await import("~/app/api/trpc/[trpc]/route");
const { base, headersOf, mutate, query } = trpcOverHttp(trpcRoute);

// What a database error quotes: the statement, its parameters, Postgres' own words.
const databaseWords =
  /insert into|select |update |params|failed query|postgres|invalid byte|\\u0000/i;

const ids = { companyId: "", caseId: "", contactId: "" };

beforeAll(async () => {
  fake.dataDir = mkdtempSync(join(tmpdir(), "caseward-bad-input-"));
  const owner = await createTestUser(db, "Ines Probeowner");
  fake.sessions.set("owner", sessionOf(owner));
  // A session whose user has no row: every write of theirs fails in the database (a bug's 500).
  fake.sessions.set(
    "ghost",
    sessionOf({ id: "ghostuser000000000000000000000", name: "Ghost", email: "g@example.test" }),
  );
  const company = await mutate("company.create", { name: "Probe Bank", website: "probebank.com" });
  expect(company.status).toBe(200);
  ids.companyId = (
    JSON.parse(company.text) as { result: { data: { json: { id: string } } } }
  ).result.data.json.id;
  const opened = await mutate("case.open", { companyId: ids.companyId, title: "Probe refund" });
  ids.caseId = (
    JSON.parse(opened.text) as { result: { data: { json: { id: string } } } }
  ).result.data.json.id;
  const contact = await mutate("contact.log", {
    caseId: ids.caseId,
    channelKind: "phone",
    startedAt: new Date(Date.now() - 3_600_000).toISOString(),
  });
  ids.contactId = (
    JSON.parse(contact.text) as { result: { data: { json: { id: string } } } }
  ).result.data.json.id;
});

afterAll(async () => {
  await closeDb();
  rmSync(fake.dataDir, { recursive: true, force: true });
});

describe("a NUL byte in a text field", () => {
  const nul = "Probe\u0000text";
  const cases: [string, "mutation" | "query", () => unknown, string][] = [
    ["company.create", "mutation", () => ({ name: nul, website: "nulbank.com" }), "name"],
    ["case.open", "mutation", () => ({ companyId: ids.companyId, title: nul }), "title"],
    [
      "channel.add",
      "mutation",
      () => ({ companyId: ids.companyId, kind: "phone", value: nul, provenance: "bill" }),
      "value",
    ],
    [
      "privacy.reportBreach",
      "mutation",
      () => ({ companyId: ids.companyId, occurredOn: "2026-10-01", source: nul }),
      "source",
    ],
    [
      "contact.log",
      "mutation",
      () => ({
        caseId: ids.caseId,
        channelKind: "phone",
        startedAt: new Date(Date.now() - 60_000).toISOString(),
        notes: nul,
      }),
      "notes",
    ],
    [
      "contact.updateTime",
      "mutation",
      () => ({ contactId: ids.contactId, startedAt: "2026-01-01T10:00:00\u0000Z" }),
      "startedAt",
    ],
    ["dashboard.cases", "query", () => ({ q: nul }), "q"],
  ];

  it.each(cases)(
    "%s answers 400 with a sentence about the field",
    async (path, kind, input, field) => {
      const answer = kind === "mutation" ? await mutate(path, input()) : await query(path, input());
      expect(answer.status).toBe(400);
      expect(messageOf(answer.text)).toMatch(/holds an invisible control character/);
      expect(answer.text).not.toMatch(databaseWords);
      expect(Object.keys(fieldErrorsOf(answer.text) ?? {})).toEqual([field]);
    },
  );

  it("tab and line ends are still text", async () => {
    const answer = await mutate("contact.log", {
      caseId: ids.caseId,
      channelKind: "phone",
      startedAt: new Date(Date.now() - 60_000).toISOString(),
      notes: "Line one\r\n\tLine two\nLine three",
    });
    expect(answer.status).toBe(200);
  });
});

describe("a date before year 1900 or after 2199", () => {
  it.each([
    [
      "contact.log",
      () => ({ caseId: ids.caseId, channelKind: "phone", startedAt: "0000-01-01T00:00:00Z" }),
    ],
    ["contact.updateTime", () => ({ contactId: ids.contactId, startedAt: "0000-06-01T00:00:00Z" })],
    [
      "privacy.reportBreach",
      () => ({ companyId: ids.companyId, occurredOn: "0000-01-01", source: "A notice" }),
    ],
    [
      "contact.log",
      () => ({
        caseId: ids.caseId,
        channelKind: "email",
        startedAt: new Date(Date.now() - 60_000).toISOString(),
        followUpDueAt: "9999-12-31T00:00:00Z",
      }),
    ],
  ])("%s answers 400 with a sentence", async (path, input) => {
    const answer = await mutate(path, input());
    expect(answer.status).toBe(400);
    expect(messageOf(answer.text) + answer.text).toMatch(/between the years 1900 and 2199/);
    expect(answer.text).not.toMatch(databaseWords);
  });
});

describe("an unexpected error", () => {
  it("answers 500 with an id that a log line has, and neither holds the database's message", async () => {
    const logged: string[] = [];
    const spy = vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
      logged.push(args.map(String).join(" "));
    });
    try {
      // The ghost user has no row: the insert breaks a foreign key in Postgres.
      const answer = await mutate(
        "company.create",
        { name: "Ghostly Savings Union", website: "ghostlysavings.com" },
        "ghost",
      );
      expect(answer.status).toBe(500);
      const message = messageOf(answer.text);
      const id = /quote error ([0-9a-f]{12})\./.exec(message)?.[1];
      expect(id).toBeDefined();
      expect(answer.text).not.toMatch(databaseWords);
      expect(answer.text).not.toContain("Ghostly");
      expect(answer.text).not.toContain("stack");
      const line = logged.find((entry) => entry.includes(id!));
      expect(line).toMatch(/^tRPC company\.create failed: \w+ \(error [0-9a-f]{12}\)$/);
      expect(logged.join("\n")).not.toMatch(/Ghostly|ghostlysavings/);
    } finally {
      spy.mockRestore();
    }
  });
});

describe("a chunked body larger than the limit", () => {
  it("is refused with 413 after reading little more than 1 MB of it", async () => {
    const chunk = new Uint8Array(64 * 1024).fill(0x20);
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (pulled >= 3 * 1024 * 1024) return controller.close();
        pulled += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    const response = await trpcRoute.POST(
      new Request(`${base}/company.create`, {
        method: "POST",
        headers: headersOf("owner"),
        body,
        duplex: "half",
      } as RequestInit),
    );
    expect(response.status).toBe(413);
    expect(pulled).toBeLessThan(1.5 * 1024 * 1024);
  });
});
