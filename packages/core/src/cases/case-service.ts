import type { Database } from "@caseward/db";
import { and, desc, eq } from "@caseward/db";
import { cases, companies } from "@caseward/db/schema";
import type { z } from "zod";

import { ownCompany } from "../ownership";
import { deadlineOf } from "../escalation/deadlines";
import { calendarOf } from "../settings/settings-service";
import { caseColumns, readCasePage } from "./case-page";
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

/**
 * A case with its company, the company's ladder, its questions, and the contact timeline
 * (newest first) with each contact's files, disclosures and red flags; its pending deadlines
 * with their countdowns in business time, in the user's calendar; its emails.
 */
export async function getCase(db: Database, userId: string, caseId: string) {
  const page = await readCasePage(db, userId, caseId);
  const calendar = calendarOf(page.settings);
  const now = new Date();
  return {
    ...page.case,
    company: page.company,
    contacts: page.contacts,
    channels: page.channels,
    questions: page.questions,
    deadlines: page.timers.map((timer) => deadlineOf(timer, calendar, now)),
    notifications: page.notifications,
    timeZone: page.settings.timeZone,
    country: page.settings.country,
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
