import { and, eq } from "@caseward/db";
import { cases, contacts, fileChunks, notifications, redFlags, timers } from "@caseward/db/schema";
import { describe, expect, it } from "vitest";
import { z, ZodError } from "zod";

import { addAttachment } from "../attachments/attachment-service";
import { formatInZone, zonedDate } from "../calendar";
import { getCase, openCase } from "../cases/case-service";
import { addChannel } from "../channels/channel-service";
import { createCompany, setComplaintBody } from "../companies/company-service";
import { DomainError } from "../errors";
import { markRedFlag } from "../privacy/red-flag-service";
import { updateSettings } from "../settings/settings-service";
import { createTestUser, useTestDatabase } from "../testing";
import type { UpdateContactInput } from "./schemas";
import {
  deleteContact,
  logContact,
  markCaseAnswered,
  updateContact,
  updateContactTime,
} from "./contact-service";

const db = useTestDatabase();
const zone = "America/Toronto";

async function setup() {
  const user = await createTestUser(db);
  await updateSettings(db, user.id, {
    timeZone: zone,
    country: "CA",
    subdivision: "ON",
    emailRedFlags: true,
  });
  const company = await createCompany(db, user.id, { name: "Rogers", website: "rogers.com" });
  const opened = await openCase(db, user.id, { companyId: company.id, title: "Internet outage" });
  return { user, company, caseId: opened.id };
}

const statusOf = async (caseId: string) =>
  (await db.select({ status: cases.status }).from(cases).where(eq(cases.id, caseId)))[0]!.status;

const timersOf = (caseId: string) =>
  db.select().from(timers).where(eq(timers.caseId, caseId)).orderBy(timers.createdAt);

const pendingOf = async (caseId: string) =>
  (await timersOf(caseId))
    .filter((t) => t.status === "pending")
    .map((t) => `${t.kind} ${formatInZone(t.dueAt, zone)}`);

async function fieldErrorsOf(
  promise: Promise<unknown>,
): Promise<Record<string, string[] | undefined> | undefined> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (error instanceof ZodError) return z.flattenError(error).fieldErrors;
  if (error instanceof DomainError) return error.fieldErrors;
  throw new Error(`expected a refusal, got ${String(error)}`);
}

/** The contact as the edit form sends it back: every field, changed or not. */
async function asForm(contactId: string): Promise<UpdateContactInput> {
  const [row] = await db.select().from(contacts).where(eq(contacts.id, contactId));
  const c = row!;
  return {
    contactId,
    channelId: c.channelId ?? undefined,
    channelKind: c.channelKind,
    direction: c.direction,
    startedAt: c.startedAt,
    endedAt: c.endedAt ?? undefined,
    representativeName: c.representativeName ?? undefined,
    representativeId: c.representativeId ?? undefined,
    representativeDeclinedName: c.representativeDeclinedName,
    referenceNumber: c.referenceNumber ?? undefined,
    notes: c.notes ?? undefined,
    transcript: c.transcript ?? undefined,
    outcome: c.outcome ?? undefined,
    promisedFollowUp: c.promisedFollowUp ?? undefined,
    followUpDueAt: c.followUpDueAt ?? undefined,
    recorded: c.recorded,
  };
}

describe("status and deadlines follow the latest contact by its time", () => {
  it("a backdated contact does not change the status or the pending window", async () => {
    const { user, caseId } = await setup();
    await logContact(db, user.id, {
      caseId,
      channelKind: "email",
      startedAt: zonedDate("2026-11-23 10:00", zone),
    });
    expect(await statusOf(caseId)).toBe("awaiting_company");
    // Entered later, happened earlier: the company's call of last week.
    await logContact(db, user.id, {
      caseId,
      channelKind: "phone",
      direction: "inbound",
      startedAt: zonedDate("2026-11-16 14:00", zone),
    });
    expect(await statusOf(caseId)).toBe("awaiting_company");
    expect(await pendingOf(caseId)).toEqual(["response_window 2026-11-25 10:00"]);
    const page = await getCase(db, user.id, caseId);
    expect(page.lastContactAt?.toISOString()).toBe(
      zonedDate("2026-11-23 10:00", zone).toISOString(),
    );
  });

  it("deleting the newer contact brings back what the one before it asked for", async () => {
    const { user, caseId } = await setup();
    await logContact(db, user.id, {
      caseId,
      channelKind: "email",
      startedAt: zonedDate("2026-11-20 16:00", zone),
    });
    const answer = await logContact(db, user.id, {
      caseId,
      channelKind: "email",
      direction: "inbound",
      startedAt: zonedDate("2026-11-23 09:30", zone),
    });
    expect(await statusOf(caseId)).toBe("awaiting_me");
    expect(await pendingOf(caseId)).toEqual([]);
    const scheduled: { id: string }[] = [];
    await deleteContact(db, user.id, { contactId: answer.id }, (list) => {
      scheduled.push(...list);
      return Promise.resolve();
    });
    expect(await statusOf(caseId)).toBe("awaiting_company");
    expect(await pendingOf(caseId)).toEqual(["response_window 2026-11-24 16:00"]);
    expect(scheduled).toHaveLength(1);
    const page = await getCase(db, user.id, caseId);
    expect(page.lastContactAt?.toISOString()).toBe(
      zonedDate("2026-11-20 16:00", zone).toISOString(),
    );
  });

  it("re-timing a contact moves its window; re-timing it before another hands the status over", async () => {
    const { user, caseId } = await setup();
    const email = await logContact(db, user.id, {
      caseId,
      channelKind: "email",
      startedAt: zonedDate("2026-11-23 10:00", zone),
    });
    await logContact(db, user.id, {
      caseId,
      channelKind: "phone",
      outcome: "waiting_me",
      startedAt: zonedDate("2026-11-23 08:00", zone),
    });
    expect(await statusOf(caseId)).toBe("awaiting_company");
    await updateContactTime(db, user.id, {
      contactId: email.id,
      startedAt: zonedDate("2026-11-20 16:00", zone),
    });
    // The call is now the latest: the next move is the user's; the email still waits its answer.
    expect(await statusOf(caseId)).toBe("awaiting_me");
    expect(await pendingOf(caseId)).toEqual(["response_window 2026-11-24 16:00"]);
  });

  it("editing the direction of a contact recomputes the status and ends its window", async () => {
    const { user, caseId } = await setup();
    const contact = await logContact(db, user.id, {
      caseId,
      channelKind: "email",
      startedAt: zonedDate("2026-11-23 10:00", zone),
    });
    await updateContact(db, user.id, { ...(await asForm(contact.id)), direction: "inbound" });
    expect(await statusOf(caseId)).toBe("awaiting_me");
    expect((await timersOf(caseId)).map((t) => t.status)).toEqual(["cancelled"]);
  });

  it("editing notes leaves a case the user marked answered as it is", async () => {
    const { user, caseId } = await setup();
    const contact = await logContact(db, user.id, {
      caseId,
      channelKind: "email",
      startedAt: new Date(Date.now() - 3_600_000),
    });
    await markCaseAnswered(db, user.id, caseId);
    await updateContact(db, user.id, { ...(await asForm(contact.id)), notes: "Sent the bill" });
    expect(await statusOf(caseId)).toBe("awaiting_me");
    expect((await timersOf(caseId)).map((t) => t.status)).toEqual(["satisfied"]);
  });
});

describe("editing a contact", () => {
  it("changes every field, and a promise with a date starts its deadline", async () => {
    const { user, company, caseId } = await setup();
    const phone = await addChannel(db, user.id, {
      companyId: company.id,
      kind: "phone",
      value: "1 888 764 3771",
      provenance: "bill",
      verified: true,
    });
    const contact = await logContact(db, user.id, {
      caseId,
      channelKind: "email",
      startedAt: zonedDate("2026-11-23 10:00", zone),
      notes: "First try",
    });
    const startedAt = zonedDate("2026-11-23 11:00", zone);
    const edited = await updateContact(db, user.id, {
      contactId: contact.id,
      channelId: phone.id,
      channelKind: "email",
      direction: "outbound",
      startedAt,
      endedAt: zonedDate("2026-11-23 11:25", zone),
      representativeName: "Priya",
      representativeId: "R-4411",
      referenceNumber: "TCK-99812",
      notes: "Technician booked",
      transcript: "Priya: a technician will come.",
      outcome: "waiting_company",
      promisedFollowUp: "A technician on Friday",
      followUpDueAt: zonedDate("2026-11-27 17:00", zone),
      recorded: true,
    });
    expect(edited).toMatchObject({
      channelId: phone.id,
      channelKind: "phone",
      representativeName: "Priya",
      representativeId: "R-4411",
      referenceNumber: "TCK-99812",
      notes: "Technician booked",
      transcript: "Priya: a technician will come.",
      outcome: "waiting_company",
      promisedFollowUp: "A technician on Friday",
      recorded: true,
    });
    expect(await pendingOf(caseId)).toEqual([
      "response_window 2026-11-25 11:00",
      "promised_follow_up 2026-11-27 17:00",
    ]);

    // Fields left empty are cleared, and the promise's deadline goes with its date.
    const cleared = await updateContact(db, user.id, {
      contactId: contact.id,
      channelKind: "phone",
      startedAt,
      outcome: "waiting_company",
    });
    expect(cleared).toMatchObject({
      channelId: null,
      representativeName: null,
      notes: null,
      transcript: null,
      promisedFollowUp: null,
      followUpDueAt: null,
      recorded: false,
    });
    expect(await pendingOf(caseId)).toEqual(["response_window 2026-11-25 11:00"]);
  });

  it("refuses what logging would refuse, with a message per field, and changes nothing", async () => {
    const { user, caseId } = await setup();
    const other = await createCompany(db, user.id, { name: "Bell", website: "bell.ca" });
    const bell = await addChannel(db, user.id, {
      companyId: other.id,
      kind: "email",
      value: "help@bell.ca",
      provenance: "official_website",
    });
    const contact = await logContact(db, user.id, {
      caseId,
      channelKind: "email",
      startedAt: new Date(Date.now() - 3_600_000),
      notes: "Kept as it was",
    });
    const form = await asForm(contact.id);
    const { channelKind: _kind, ...noChannel } = form;
    expect(
      await fieldErrorsOf(updateContact(db, user.id, noChannel as UpdateContactInput)),
    ).toEqual({ channelKind: ["Pick the channel you used."] });
    expect(
      (
        await fieldErrorsOf(
          updateContact(db, user.id, { ...form, notes: "card 4111 1111 1111 1111" }),
        )
      )?.notes?.[0],
    ).toMatch(/card number/i);
    expect(
      await fieldErrorsOf(updateContact(db, user.id, { ...form, endedAt: new Date(0) })),
    ).toEqual({ endedAt: ["The end is before the start."] });
    expect(
      await fieldErrorsOf(updateContact(db, user.id, { ...form, channelId: bell.id })),
    ).toEqual({ channelId: ["That channel is not one of this company's."] });
    const [row] = await db.select().from(contacts).where(eq(contacts.id, contact.id));
    expect(row).toMatchObject({ notes: "Kept as it was", channelKind: "email" });
  });

  it("scans edited text for warning signs again: new ones are raised and emailed, gone ones go, marked ones stay", async () => {
    const { user, caseId } = await setup();
    const contact = await logContact(db, user.id, {
      caseId,
      channelKind: "phone",
      startedAt: new Date(Date.now() - 3_600_000),
      notes: "Polite call",
    });
    await markRedFlag(db, user.id, { contactId: contact.id, kind: "pressure_to_act_now" });
    const flagsOf = async () =>
      (await db.select().from(redFlags).where(eq(redFlags.contactId, contact.id)))
        .map((f) => `${f.kind}:${f.source}`)
        .sort();
    const form = await asForm(contact.id);
    await updateContact(db, user.id, {
      ...form,
      notes: "He asked me for my password to 'check the account'.",
    });
    expect(await flagsOf()).toEqual(["asked_password:scanned", "pressure_to_act_now:marked"]);
    const advice = await db
      .select()
      .from(notifications)
      .where(and(eq(notifications.contactId, contact.id), eq(notifications.kind, "red_flag")));
    expect(advice.length).toBe(2);
    await updateContact(db, user.id, { ...form, notes: "Polite call, nothing odd." });
    expect(await flagsOf()).toEqual(["pressure_to_act_now:marked"]);
  });

  it("answers NOT_FOUND to another user and changes nothing", async () => {
    const { user, caseId } = await setup();
    const contact = await logContact(db, user.id, {
      caseId,
      channelKind: "email",
      startedAt: new Date(Date.now() - 3_600_000),
      notes: "Mine",
    });
    const mallory = await createTestUser(db, "Mallory");
    const form = await asForm(contact.id);
    for (const attempt of [
      () => updateContact(db, mallory.id, { ...form, notes: "Theirs" }),
      () => updateContactTime(db, mallory.id, { contactId: contact.id, startedAt: new Date() }),
      () => deleteContact(db, mallory.id, { contactId: contact.id }),
    ]) {
      const error = await attempt().then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe("NOT_FOUND");
    }
    const [row] = await db.select().from(contacts).where(eq(contacts.id, contact.id));
    expect(row).toMatchObject({ notes: "Mine", startedAt: form.startedAt });
    expect(await pendingOf(caseId)).toHaveLength(1);
  });
});

describe("deleting a contact", () => {
  it("removes it with its files; its fired deadlines and sent emails stay as the case's history", async () => {
    const { user, caseId } = await setup();
    const contact = await logContact(db, user.id, {
      caseId,
      channelKind: "email",
      startedAt: new Date(Date.now() - 3_600_000),
      notes: "He asked me for my password to 'check the account'.",
    });
    const [window] = await timersOf(caseId);
    await db.update(timers).set({ status: "fired" }).where(eq(timers.id, window!.id));
    const [sent] = await db
      .insert(notifications)
      .values({
        ownerId: user.id,
        caseId,
        timerId: window!.id,
        kind: "escalation",
        state: "sent",
        dedupeKey: `escalation-${window!.id}`,
        sendAfter: new Date(),
      })
      .returning();
    const file = await addAttachment(db, user.id, {
      contactId: contact.id,
      fileName: "chat.txt",
      bytes: new TextEncoder().encode("chat"),
    });
    const chunksOfFile = () =>
      db.select().from(fileChunks).where(eq(fileChunks.attachmentId, file.id));
    expect(await chunksOfFile()).toHaveLength(1);

    await deleteContact(db, user.id, { contactId: contact.id });

    expect(await db.select().from(contacts).where(eq(contacts.id, contact.id))).toEqual([]);
    expect(await chunksOfFile()).toEqual([]);
    expect((await timersOf(caseId)).map((t) => [t.kind, t.status, t.contactId])).toEqual([
      ["response_window", "fired", null],
    ]);
    const emails = await db.select().from(notifications).where(eq(notifications.caseId, caseId));
    expect(emails.find((n) => n.id === sent!.id)?.state).toBe("sent");
    // Its warning-sign advice, not sent yet, has nothing left to be about.
    expect(emails.filter((n) => n.kind === "red_flag").map((n) => n.state)).toEqual(["cancelled"]);
    expect(await statusOf(caseId)).toBe("open");
  });
});

describe("the regulator clock", () => {
  it("starts at the first contact when the complaint body is named later, and moves with its days", async () => {
    const { user, company, caseId } = await setup();
    await logContact(db, user.id, {
      caseId,
      channelKind: "phone",
      startedAt: new Date("2026-11-02T15:00:00Z"),
    });
    await logContact(db, user.id, { caseId, channelKind: "phone", startedAt: new Date() });
    const regulator = async () =>
      (await timersOf(caseId))
        .filter((t) => t.kind === "regulator_eligibility")
        .map((t) => `${t.status} ${t.dueAt.toISOString()}`);
    expect(await regulator()).toEqual([]);
    const scheduled: { id: string }[] = [];
    const schedule = (list: { id: string }[]) => {
      scheduled.push(...list);
      return Promise.resolve();
    };
    await setComplaintBody(
      db,
      user.id,
      { companyId: company.id, complaintBody: "CCTS", complaintAfterDays: 30 },
      schedule,
    );
    expect(await regulator()).toEqual(["pending 2026-12-02T15:00:00.000Z"]);
    await setComplaintBody(
      db,
      user.id,
      { companyId: company.id, complaintBody: "CCTS", complaintAfterDays: 45 },
      schedule,
    );
    expect(await regulator()).toEqual(["pending 2026-12-17T15:00:00.000Z"]);
    expect(scheduled).toHaveLength(2);
    await setComplaintBody(db, user.id, { companyId: company.id, complaintBody: "" });
    expect(await regulator()).toEqual(["cancelled 2026-12-17T15:00:00.000Z"]);
    const mallory = await createTestUser(db, "Mallory");
    await expect(
      setComplaintBody(db, mallory.id, {
        companyId: company.id,
        complaintBody: "CRTC",
        complaintAfterDays: 1,
      }),
    ).rejects.toThrow(/not found/);
    expect(await regulator()).toEqual(["cancelled 2026-12-17T15:00:00.000Z"]);
  });
});
