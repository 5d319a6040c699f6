import type { Database } from "@caseward/db";
import { and, desc, eq, sql } from "@caseward/db";
import { breaches, companies } from "@caseward/db/schema";
import type { z } from "zod";

import { notFound, refusal } from "../errors";
import { ownBreach, ownCompany } from "../ownership";
import { getSettings } from "../settings/settings-service";
import { breachActions } from "./breach-actions";
import { listDisclosures } from "./disclosure-service";
import { breachActionInput, breachInput } from "./schemas";

/** Marks a company as breached; the report page lists what it holds and what to do. */
export async function reportBreach(
  db: Database,
  userId: string,
  input: z.input<typeof breachInput>,
) {
  const parsed = breachInput.parse(input);
  const company = await ownCompany(db, userId, parsed.companyId, { columns: { id: companies.id } });
  const [breach] = await db
    .insert(breaches)
    .values({
      ownerId: userId,
      companyId: company.id,
      occurredOn: parsed.occurredOn,
      source: parsed.source,
      note: parsed.note || null,
    })
    .returning();
  return breach!;
}

/** A company's breach reports, newest first; another user's company is not found. */
export async function listBreaches(db: Database, userId: string, companyId: string) {
  const [, rows] = await Promise.all([
    ownCompany(db, userId, companyId, { columns: { id: companies.id } }),
    db
      .select()
      .from(breaches)
      .where(and(eq(breaches.companyId, companyId), eq(breaches.ownerId, userId)))
      .orderBy(desc(breaches.occurredOn)),
  ]);
  return rows;
}

/** The breach report: the breach, everything disclosed to the company, the actions for the user's country. */
export async function getBreachReport(db: Database, userId: string, breachId: string) {
  const breach = await ownBreach(db, userId, breachId);
  const [company, settings, disclosed] = await Promise.all([
    ownCompany(db, userId, breach.companyId, {
      columns: { id: companies.id, name: companies.name, websiteUrl: companies.websiteUrl },
    }),
    getSettings(db, userId),
    listDisclosures(db, userId, { companyId: breach.companyId }),
  ]);
  const done = new Set(breach.doneActions);
  return {
    breach,
    company,
    country: settings.country,
    timeZone: settings.timeZone,
    disclosed,
    actions: breachActions(settings.country, settings.locale).map((action) => ({
      ...action,
      done: done.has(action.id),
    })),
  };
}

/** Ticks an action of the report off (or back on). */
export async function setBreachActionDone(
  db: Database,
  userId: string,
  input: z.input<typeof breachActionInput>,
) {
  const parsed = breachActionInput.parse(input);
  const settings = await getSettings(db, userId);
  if (!breachActions(settings.country).some((a) => a.id === parsed.actionId)) {
    throw refusal("BAD_REQUEST", "actionNotOnReport", {}, "actionId");
  }
  const [updated] = await db
    .update(breaches)
    .set({
      doneActions: parsed.done
        ? sql`array(select distinct unnest(${breaches.doneActions} || array[${parsed.actionId}]::text[]))`
        : sql`array_remove(${breaches.doneActions}, ${parsed.actionId})`,
    })
    .where(and(eq(breaches.id, parsed.breachId), eq(breaches.ownerId, userId)))
    .returning({ id: breaches.id, doneActions: breaches.doneActions });
  if (!updated) throw notFound("Breach report");
  return updated;
}

export async function deleteBreach(db: Database, userId: string, breachId: string) {
  const [gone] = await db
    .delete(breaches)
    .where(and(eq(breaches.id, breachId), eq(breaches.ownerId, userId)))
    .returning({ id: breaches.id });
  if (!gone) throw notFound("Breach report");
  return gone;
}
