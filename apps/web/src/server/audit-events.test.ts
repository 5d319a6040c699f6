// Security activity of the app's own requests (issue 6, item 7): exports, downloads and
// deletions, each with the device and place of its request; the auth events are in
// two-factor.test.ts. The session is given (sign-in is tested in auth-config.test.ts);
// Postgres and the files are real.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { addAttachment, listAuditEvents } from "@caseward/core";
import { createTestUser } from "@caseward/core/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { mockServerModules, sessionOf } from "~/testing/server";

const { fake, db, closeDb } = await mockServerModules();
const { createCaller } = await import("~/trpc/root");
const exportRoute = await import("~/app/api/account/export/route");
const attachmentRoute = await import("~/app/api/attachments/[attachmentId]/route");
const evidenceRoute = await import("~/app/api/cases/[caseId]/evidence.pdf/route");

const safari =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1";
const requestHeaders = (extra: Record<string, string> = {}) =>
  new Headers({
    "x-test-user": "owner",
    "user-agent": safari,
    "x-forwarded-for": "10.0.0.2, 203.0.113.41",
    origin: "http://localhost:3000",
    ...extra,
  });

let ownerId = "";
let strangerId = "";
const ids: Record<string, string> = {};

beforeAll(async () => {
  fake.dataDir = mkdtempSync(join(tmpdir(), "caseward-audit-"));
  const owner = await createTestUser(db, "Audit Owner");
  const stranger = await createTestUser(db, "Stranger");
  ownerId = owner.id;
  strangerId = stranger.id;
  fake.sessions.set("owner", sessionOf(owner));
  const caller = createCaller({
    db,
    session: sessionOf(owner),
    scheduleTimers: () => Promise.resolve(),
    headers: requestHeaders(),
  } as never);
  const company = await caller.company.create({ name: "Audit Bank", website: "td.com" });
  const channel = await caller.channel.add({
    companyId: company.id,
    kind: "email",
    value: "desk@td.com",
    provenance: "statement",
  });
  const opened = await caller.case.open({ companyId: company.id, title: "Audit refund" });
  const contact = await caller.contact.log({
    caseId: opened.id,
    channelId: channel.id,
    channelKind: "email",
    startedAt: new Date(Date.now() - 3_600_000),
  });
  const attachment = await addAttachment(db, owner.id, {
    contactId: contact.id,
    fileName: "note.txt",
    bytes: new TextEncoder().encode("hello"),
  });
  Object.assign(ids, {
    caseId: opened.id,
    attachmentId: attachment.id,
    channelId: channel.id,
    companyId: company.id,
  });
});

afterAll(async () => {
  await closeDb();
  rmSync(fake.dataDir, { recursive: true, force: true });
});

const latest = async (userId = ownerId) =>
  (await listAuditEvents(db, userId, { limit: 1 })).events[0];

describe("security activity of the app's requests", () => {
  it("records an account export", async () => {
    const response = await exportRoute.GET(
      new Request("http://localhost:3000/api/account/export", { headers: requestHeaders() }),
    );
    expect(response.status).toBe(200);
    await response.arrayBuffer();
    expect(await latest()).toMatchObject({
      kind: "account_exported",
      device: "Safari on iOS",
      place: "203.0.113.0/24",
      detail: {},
    });
  });

  it("records a file download once, not every range a player asks for", async () => {
    const url = `http://localhost:3000/api/attachments/${ids.attachmentId}`;
    const params = { params: Promise.resolve({ attachmentId: ids.attachmentId! }) };
    const headers = requestHeaders({ "cf-ipcountry": "FR" });
    expect((await attachmentRoute.GET(new Request(url, { headers }), params)).status).toBe(200);
    const later = requestHeaders({ range: "bytes=2-" });
    expect((await attachmentRoute.GET(new Request(url, { headers: later }), params)).status).toBe(
      206,
    );
    const { events } = await listAuditEvents(db, ownerId);
    expect(events.filter((e) => e.kind === "file_downloaded")).toEqual([
      expect.objectContaining({
        device: "Safari on iOS",
        place: "France",
        detail: { attachmentId: ids.attachmentId },
      }),
    ]);
  });

  it("records an evidence pack download", async () => {
    const response = await evidenceRoute.GET(
      new Request(`http://localhost:3000/api/cases/${ids.caseId}/evidence.pdf`, {
        headers: requestHeaders(),
      }),
      { params: Promise.resolve({ caseId: ids.caseId! }) },
    );
    expect(response.status).toBe(200);
    expect(await latest()).toMatchObject({
      kind: "evidence_downloaded",
      detail: { caseId: ids.caseId },
    });
  });

  it("records deletions through tRPC and the attachment route, with ids only", async () => {
    const caller = createCaller({
      db,
      session: sessionOf({ id: ownerId, name: "Audit Owner", email: "x@example.test" }),
      scheduleTimers: () => Promise.resolve(),
      headers: requestHeaders({ "x-forwarded-for": "127.0.0.1" }),
    } as never);
    await caller.channel.delete({ channelId: ids.channelId! });
    expect(await latest()).toMatchObject({
      kind: "channel_deleted",
      place: "This network",
      detail: { channelId: ids.channelId },
    });
    const response = await attachmentRoute.DELETE(
      new Request(`http://localhost:3000/api/attachments/${ids.attachmentId}`, {
        method: "DELETE",
        headers: requestHeaders(),
      }),
      { params: Promise.resolve({ attachmentId: ids.attachmentId! }) },
    );
    expect(response.status).toBe(204);
    expect(await latest()).toMatchObject({
      kind: "attachment_deleted",
      detail: { attachmentId: ids.attachmentId },
    });
  });

  it("records only the fields its audit description names, of the parsed input", async () => {
    const caller = createCaller({
      db,
      session: sessionOf({ id: ownerId, name: "Audit Owner", email: "x@example.test" }),
      scheduleTimers: () => Promise.resolve(),
      headers: requestHeaders(),
    } as never);
    const breach = await caller.privacy.reportBreach({
      companyId: ids.companyId!,
      occurredOn: "2026-11-01",
      source: "the bank's notice",
    });
    // 2,000 made-up keys, each shaped like an id, beside the one the schema knows.
    const fakes = Object.fromEntries(
      Array.from({ length: 2000 }, (_, i) => [`fake${i}Id`, `id-${i}`]),
    );
    await caller.privacy.deleteBreach({ ...fakes, breachId: breach.id });
    const event = await latest();
    expect(event).toMatchObject({ kind: "breach_deleted" });
    expect(event?.detail).toEqual({ breachId: breach.id });
  });

  it("shows the owner's events to the owner only", async () => {
    const stranger = createCaller({
      db,
      session: sessionOf({ id: strangerId, name: "Stranger", email: "s@example.test" }),
      scheduleTimers: () => Promise.resolve(),
      headers: requestHeaders(),
    } as never);
    expect((await stranger.audit.list({})).events).toEqual([]);
    const owner = createCaller({
      db,
      session: sessionOf({ id: ownerId, name: "Audit Owner", email: "x@example.test" }),
      scheduleTimers: () => Promise.resolve(),
    } as never);
    // Events of the same millisecond are listed by id: compared as a set.
    const kinds = (await owner.audit.list({})).events.map((e) => e.kind);
    expect(kinds.sort()).toEqual([
      "account_exported",
      "attachment_deleted",
      "breach_deleted",
      "channel_deleted",
      "evidence_downloaded",
      "file_downloaded",
    ]);
  });
});
