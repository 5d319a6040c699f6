import type { Database } from "@caseward/db";
import { and, asc, desc, eq, getTableColumns } from "@caseward/db";
import {
  attachments,
  cases,
  companies,
  contacts,
  disclosures,
  redFlags,
} from "@caseward/db/schema";
import type { z } from "zod";

import { ownCase, ownCompany } from "../ownership";
import { listChannels } from "../channels/channel-service";
import { listQuestions } from "../questions/question-service";
import { deadlineOf } from "../escalation/deadlines";
import { listCaseNotifications } from "../outbox/queries";
import { listPendingTimers } from "../escalation/timer-service";
import { calendarOf, getSettings } from "../settings/settings-service";
import type { OpenCaseInput } from "./schemas";
import { caseSnapshot, recomputeCase } from "./recompute";
import { caseWindowInput, openCaseInput } from "./schemas";

export async function openCase(db: Database, userId: string, input: OpenCaseInput) {
  const parsed = openCaseInput.parse(input);
  const company = await ownCompany(db, userId, parsed.companyId, { columns: { id: companies.id } });
  const [created] = await db
    .insert(cases)
    .values({
      ownerId: userId,
      companyId: company.id,
      title: parsed.title,
      description: parsed.description || null,
      priority: parsed.priority,
    })
    .returning();
  return created!;
}

export async function listCompanyCases(db: Database, userId: string, companyId: string) {
  return db
    .select(caseColumns)
    .from(cases)
    .where(and(eq(cases.ownerId, userId), eq(cases.companyId, companyId)))
    .orderBy(desc(cases.updatedAt));
}

// The search vectors stay in the database: they are for queries, not for the page.
const { search: _caseSearch, ...caseColumns } = getTableColumns(cases);
const { search: _contactSearch, ...contactColumns } = getTableColumns(contacts);
const { storageKey: _storageKey, ...attachmentColumns } = getTableColumns(attachments);

/**
 * A case with its company, the company's ladder, its questions, and the contact timeline
 * (newest first) with each contact's files.
 */
export async function getCase(db: Database, userId: string, caseId: string) {
  const found = await ownCase(db, userId, caseId, { columns: caseColumns });
  const [company, timeline, ladder, questionList, files, pending, emails, settings, given, flags] =
    await Promise.all([
      ownCompany(db, userId, found.companyId),
      db
        .select(contactColumns)
        .from(contacts)
        .where(and(eq(contacts.caseId, caseId), eq(contacts.ownerId, userId)))
        .orderBy(desc(contacts.startedAt)),
      listChannels(db, userId, found.companyId),
      listQuestions(db, userId, caseId),
      db
        .select(attachmentColumns)
        .from(attachments)
        .innerJoin(contacts, eq(contacts.id, attachments.contactId))
        .where(and(eq(contacts.caseId, caseId), eq(attachments.ownerId, userId)))
        .orderBy(asc(attachments.createdAt)),
      listPendingTimers(db, userId, [caseId]),
      listCaseNotifications(db, userId, caseId),
      getSettings(db, userId),
      db
        .select(getTableColumns(disclosures))
        .from(disclosures)
        .innerJoin(contacts, eq(contacts.id, disclosures.contactId))
        .where(and(eq(contacts.caseId, caseId), eq(disclosures.ownerId, userId)))
        .orderBy(asc(disclosures.createdAt)),
      db
        .select(getTableColumns(redFlags))
        .from(redFlags)
        .innerJoin(contacts, eq(contacts.id, redFlags.contactId))
        .where(and(eq(contacts.caseId, caseId), eq(redFlags.ownerId, userId)))
        .orderBy(asc(redFlags.createdAt)),
    ]);
  // Countdowns are in business time, in the user's calendar.
  const calendar = calendarOf(settings);
  const now = new Date();
  const deadlines = pending.map((timer) => deadlineOf(timer, calendar, now));
  const contactsWithFiles = timeline.map((contact) => ({
    ...contact,
    attachments: files.filter((file) => file.contactId === contact.id),
    disclosures: given.filter((d) => d.contactId === contact.id),
    redFlags: flags.filter((f) => f.contactId === contact.id),
  }));
  return {
    ...found,
    company,
    contacts: contactsWithFiles,
    channels: ladder,
    questions: questionList,
    deadlines,
    notifications: emails,
    timeZone: settings.timeZone,
    country: settings.country,
  };
}

/**
 * Sets how long this company gets to answer on this case. The pending window moves with it, so
 * the returned timers need scheduling.
 */
export async function setCaseResponseWindow(
  db: Database,
  userId: string,
  input: z.input<typeof caseWindowInput>,
  schedule?: (timers: { id: string; dueAt: Date }[]) => Promise<void>,
) {
  const parsed = caseWindowInput.parse(input);
  const moved = await db.transaction(async (tx) => {
    const before = await caseSnapshot(tx, userId, parsed.caseId);
    await tx
      .update(cases)
      .set({ responseWindowDays: parsed.responseWindowDays })
      .where(and(eq(cases.id, before.caseId), eq(cases.ownerId, userId)));
    return recomputeCase(tx, userId, before);
  });
  if (schedule && moved.length > 0) await schedule(moved).catch(() => undefined);
  return { caseId: parsed.caseId, responseWindowDays: parsed.responseWindowDays, timers: moved };
}
