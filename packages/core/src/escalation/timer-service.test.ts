import { and, eq } from "@caseward/db";
import { cases, timers } from "@caseward/db/schema";
import { describe, expect, it } from "vitest";

import { formatInZone, zonedDate } from "../calendar";
import { openCase, setCaseResponseWindow } from "../cases/case-service";
import { createCompany, setComplaintBody } from "../companies/company-service";
import { logContact, markCaseAnswered, updateContactTime } from "../contacts/contact-service";
import { updateSettings } from "../settings/settings-service";
import { createTestUser, useTestDatabase } from "../testing";

const db = useTestDatabase();
const zone = "America/Toronto";

async function setup() {
  const user = await createTestUser(db);
  await updateSettings(db, user.id, {
    timeZone: zone,
    country: "CA",
    subdivision: "ON",
    emailEscalations: true,
  });
  const company = await createCompany(db, user.id, { name: "Rogers", website: "rogers.com" });
  const opened = await openCase(db, user.id, { companyId: company.id, title: "Internet outage" });
  return { user, company, caseId: opened.id };
}

const timersOf = (caseId: string) =>
  db.select().from(timers).where(eq(timers.caseId, caseId)).orderBy(timers.createdAt);

describe("deadlines after a contact", () => {
  it("an email sent Friday 16:00 is due Tuesday 16:00 (two business days), in the user's zone", async () => {
    const { user, caseId } = await setup();
    const scheduled: { id: string; dueAt: Date }[] = [];
    await logContact(
      db,
      user.id,
      { caseId, channelKind: "email", startedAt: zonedDate("2026-11-20 16:00", zone) },
      (list) => {
        scheduled.push(...list);
        return Promise.resolve();
      },
    );
    const [timer] = await timersOf(caseId);
    expect(timer).toMatchObject({ kind: "response_window", status: "pending" });
    expect(formatInZone(timer!.dueAt, zone)).toBe("2026-11-24 16:00");
    expect(scheduled).toEqual([{ id: timer!.id, dueAt: timer!.dueAt }]);
  });

  it.each([
    ["phone", undefined, false],
    ["phone", "waiting_company", true],
    ["chat", "waiting_me", false],
    ["web_form", undefined, true],
    ["postal", "no_answer", false],
  ] as const)(
    "a %s contact with outcome %s starts a window: %s",
    async (channelKind, outcome, starts) => {
      const { user, caseId } = await setup();
      await logContact(db, user.id, { caseId, channelKind, outcome, startedAt: new Date() });
      expect((await timersOf(caseId)).filter((t) => t.status === "pending").length).toBe(
        starts ? 1 : 0,
      );
    },
  );

  it("a newer outbound contact replaces the pending window; resolving cancels every deadline", async () => {
    const { user, caseId } = await setup();
    await logContact(db, user.id, {
      caseId,
      channelKind: "email",
      startedAt: new Date(Date.now() - 3_600_000),
    });
    await logContact(db, user.id, {
      caseId,
      channelKind: "email",
      startedAt: new Date(),
      promisedFollowUp: "Refund amount by email",
      followUpDueAt: new Date(Date.now() + 5 * 86400_000),
    });
    expect((await timersOf(caseId)).map((t) => [t.kind, t.status])).toEqual([
      ["response_window", "cancelled"],
      ["response_window", "pending"],
      ["promised_follow_up", "pending"],
    ]);
    await logContact(db, user.id, {
      caseId,
      channelKind: "phone",
      startedAt: new Date(),
      outcome: "resolved",
    });
    expect((await timersOf(caseId)).every((t) => t.status !== "pending")).toBe(true);
  });

  it("marking the case answered satisfies the window and leaves the next move to the user", async () => {
    const { user, caseId } = await setup();
    await logContact(db, user.id, { caseId, channelKind: "email", startedAt: new Date() });
    expect(await markCaseAnswered(db, user.id, caseId)).toMatchObject({ status: "awaiting_me" });
    expect((await timersOf(caseId)).map((t) => t.status)).toEqual(["satisfied"]);
    const mallory = await createTestUser(db, "Mallory");
    await expect(markCaseAnswered(db, mallory.id, caseId)).rejects.toThrow(/not found/);
  });

  it("editing a contact's time moves the window it started", async () => {
    const { user, caseId } = await setup();
    const contact = await logContact(db, user.id, {
      caseId,
      channelKind: "email",
      startedAt: zonedDate("2026-11-23 10:00", zone),
    });
    const moved = await updateContactTime(db, user.id, {
      contactId: contact.id,
      startedAt: zonedDate("2026-11-20 16:00", zone),
    });
    expect(moved.timers).toHaveLength(1);
    const [timer] = await timersOf(caseId);
    expect(formatInZone(timer!.dueAt, zone)).toBe("2026-11-24 16:00");
    const mallory = await createTestUser(db, "Mallory");
    await expect(
      updateContactTime(db, mallory.id, { contactId: contact.id, startedAt: new Date() }),
    ).rejects.toThrow(/not found/);
  });

  it("the first contact starts the regulator clock when the company names a complaint body", async () => {
    const { user, company, caseId } = await setup();
    await setComplaintBody(db, user.id, {
      companyId: company.id,
      complaintBody: "CCTS",
      complaintAfterDays: 30,
    });
    const first = new Date("2026-11-02T15:00:00Z");
    await logContact(db, user.id, { caseId, channelKind: "phone", startedAt: first });
    await logContact(db, user.id, { caseId, channelKind: "phone", startedAt: new Date() });
    const regulator = (await timersOf(caseId)).filter((t) => t.kind === "regulator_eligibility");
    expect(regulator).toHaveLength(1);
    expect(regulator[0]!.dueAt.toISOString()).toBe("2026-12-02T15:00:00.000Z");
    const [row] = await db
      .select()
      .from(cases)
      .where(and(eq(cases.id, caseId)));
    expect(row!.status).toBe("open");
  });

  it("a case's own response window moves its pending deadline", async () => {
    const { user, caseId } = await setup();
    await logContact(db, user.id, {
      caseId,
      channelKind: "email",
      startedAt: zonedDate("2026-11-20 16:00", zone),
    });
    const result = await setCaseResponseWindow(db, user.id, { caseId, responseWindowDays: "5" });
    expect(result.responseWindowDays).toBe(5);
    const [timer] = await timersOf(caseId);
    expect(formatInZone(timer!.dueAt, zone)).toBe("2026-11-27 16:00");
    await setCaseResponseWindow(db, user.id, { caseId, responseWindowDays: null });
    expect(formatInZone((await timersOf(caseId))[0]!.dueAt, zone)).toBe("2026-11-24 16:00");
    const mallory = await createTestUser(db, "Mallory");
    await expect(
      setCaseResponseWindow(db, mallory.id, { caseId, responseWindowDays: 1 }),
    ).rejects.toThrow(/not found/);
  });
});
