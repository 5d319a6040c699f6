import { randomUUID } from "node:crypto";

import { eq } from "@caseward/db";
import { createResilientDatabase } from "@caseward/db/resilient";
import { cases, notifications, timers } from "@caseward/db/schema";
import { describe, expect, inject, it } from "vitest";

import { openCase } from "../cases/case-service";
import { addChannel } from "../channels/channel-service";
import { createCompany, setComplaintBody } from "../companies/company-service";
import { logContact } from "../contacts/contact-service";
import { updateSettings } from "../settings/settings-service";
import { createTestUser, useTestDatabase } from "../testing";
import { fireDueTimers, fireTimer } from "./fire-timer";
import { composeNotification } from "../outbox/compose";

const db = useTestDatabase();

async function setup(settings: { emailEscalations?: boolean; emailReminders?: boolean } = {}) {
  const user = await createTestUser(db);
  await updateSettings(db, user.id, {
    timeZone: "America/Toronto",
    country: "CA",
    subdivision: "ON",
    quietHoursStart: "00:00",
    quietHoursEnd: "00:00",
    emailEscalations: settings.emailEscalations ?? true,
    emailReminders: settings.emailReminders ?? true,
  });
  const company = await createCompany(db, user.id, {
    name: "Bell",
    website: "bell.ca",
    country: "CA",
  });
  const opened = await openCase(db, user.id, { companyId: company.id, title: "Moving service" });
  return { user, company, caseId: opened.id };
}

const later = () => new Date(Date.now() + 60 * 86400_000);

describe("fireTimer", () => {
  it("fires once: the case is due for escalation, the email and one reminder are owed", async () => {
    const { user, caseId } = await setup();
    await logContact(db, user.id, { caseId, channelKind: "email", startedAt: new Date() });
    const [timer] = await db.select().from(timers).where(eq(timers.caseId, caseId));
    const at = later();
    const first = await fireTimer(db, timer!.id, at);
    const again = await fireTimer(db, timer!.id, at);
    expect(first.fired).toBe(true);
    expect(again).toEqual({ fired: false, notifications: [] });
    const owed = await db.select().from(notifications).where(eq(notifications.caseId, caseId));
    expect(owed.map((n) => n.kind).sort()).toEqual(["escalation", "escalation_reminder"]);
    const reminder = owed.find((n) => n.kind === "escalation_reminder")!;
    expect(reminder.sendAfter.getTime()).toBeGreaterThan(at.getTime());
    const [row] = await db.select().from(cases).where(eq(cases.id, caseId));
    expect(row!.status).toBe("escalation_due");
  });

  it("does nothing before the due time", async () => {
    const { user, caseId } = await setup();
    await logContact(db, user.id, { caseId, channelKind: "email", startedAt: new Date() });
    const [timer] = await db.select().from(timers).where(eq(timers.caseId, caseId));
    expect((await fireTimer(db, timer!.id, new Date())).fired).toBe(false);
  });

  it("owes no email when the user turned escalation emails off", async () => {
    const { user, caseId } = await setup({ emailEscalations: false, emailReminders: false });
    await logContact(db, user.id, { caseId, channelKind: "email", startedAt: new Date() });
    const [timer] = await db.select().from(timers).where(eq(timers.caseId, caseId));
    expect((await fireTimer(db, timer!.id, later())).notifications).toEqual([]);
  });

  it("a broken promise owes a promise email that quotes it", async () => {
    const { user, caseId } = await setup({ emailReminders: false });
    await logContact(db, user.id, {
      caseId,
      channelKind: "phone",
      startedAt: new Date(),
      outcome: "waiting_me",
      representativeName: "Sam",
      promisedFollowUp: "A technician will call to book the move",
      followUpDueAt: new Date(Date.now() + 86400_000),
    });
    const [timer] = await db.select().from(timers).where(eq(timers.caseId, caseId));
    expect(timer!.kind).toBe("promised_follow_up");
    const { notifications: owed } = await fireTimer(db, timer!.id, later());
    const [row] = await db.select().from(notifications).where(eq(notifications.id, owed[0]!.id));
    expect(row!.kind).toBe("promise_due");
    const email = await composeNotification(db, row!, "http://localhost:3000");
    expect(email?.text).toContain("A technician will call to book the move");
    expect(email?.subject).toContain("Bell");
  });

  it("the regulator clock owes a regulator email and leaves the case status alone", async () => {
    const { user, company, caseId } = await setup();
    await setComplaintBody(db, user.id, {
      companyId: company.id,
      complaintBody: "CCTS",
      complaintAfterDays: 30,
    });
    await addChannel(db, user.id, {
      companyId: company.id,
      kind: "phone",
      value: "1 866 310 2355",
      provenance: "bill",
      verified: true,
    });
    await logContact(db, user.id, {
      caseId,
      channelKind: "phone",
      startedAt: new Date(),
      outcome: "no_answer",
    });
    const [timer] = await db.select().from(timers).where(eq(timers.caseId, caseId));
    expect(timer!.kind).toBe("regulator_eligibility");
    const { notifications: owed } = await fireTimer(db, timer!.id, later());
    const [row] = await db.select().from(notifications).where(eq(notifications.id, owed[0]!.id));
    const email = await composeNotification(db, row!, "http://localhost:3000");
    expect(email?.text).toContain("CCTS");
    const [after] = await db.select().from(cases).where(eq(cases.id, caseId));
    expect(after!.status).toBe("open");
  });
});

describe("fireDueTimers through the worker's pool", () => {
  it("runs its prepared check through the resilient pool's driver", async () => {
    const pool = createResilientDatabase(inject("databaseUrl"), { warn: () => undefined });
    try {
      // Nothing is due at the epoch and no timer has this id: the prepared check alone runs.
      const result = await fireDueTimers(pool.db, randomUUID(), { now: new Date(0) });
      expect(result).toMatchObject({ fired: 0, more: false, timerIds: [] });
    } finally {
      await pool.close();
    }
  });
});
