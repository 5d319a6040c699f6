import type { Database, Executor } from "@caseward/db";
import { and, asc, eq, notInArray } from "@caseward/db";
import { cases, channels, companies } from "@caseward/db/schema";

import { withCompanyCasesRecomputed } from "../cases/recompute";
import { closedStatuses } from "../cases/status";
import type { ScheduleTimers } from "../contacts/contact-service";
import { notFound } from "../errors";
import { ownCompany } from "../ownership";
import { canonicalWebsite, officialDomainOf } from "./official-domain";
import type { CompanyInput } from "./schemas";
import { companyInput, complaintBodyInput } from "./schemas";
import type { z } from "zod";

export async function createCompany(db: Database, userId: string, input: CompanyInput) {
  const parsed = companyInput.parse(input);
  const [company] = await db
    .insert(companies)
    .values({
      ownerId: userId,
      name: parsed.name,
      websiteUrl: canonicalWebsite(parsed.website),
      // The schema already refused websites without a registrable domain.
      officialDomain: officialDomainOf(parsed.website)!,
      country: parsed.country ?? null,
    })
    .returning();
  return company!;
}

export async function listCompanies(db: Database, userId: string) {
  return db
    .select({
      id: companies.id,
      name: companies.name,
      officialDomain: companies.officialDomain,
      websiteUrl: companies.websiteUrl,
      channelCount: db.$count(channels, eq(channels.companyId, companies.id)),
      openCaseCount: db.$count(
        cases,
        and(eq(cases.companyId, companies.id), notInArray(cases.status, [...closedStatuses])),
      ),
    })
    .from(companies)
    .where(eq(companies.ownerId, userId))
    .orderBy(asc(companies.name));
}

/** One of the user's companies (the company page). */
export async function getCompany(db: Executor, userId: string, companyId: string) {
  return ownCompany(db, userId, companyId);
}

/**
 * Names the company's complaint body (or clears it). The regulator clock of each of its cases
 * starts from the case's first contact, or moves when the days change; the returned clocks are
 * scheduled once committed.
 */
export async function setComplaintBody(
  db: Database,
  userId: string,
  input: z.input<typeof complaintBodyInput>,
  schedule?: ScheduleTimers,
) {
  const parsed = complaintBodyInput.parse(input);
  const body = parsed.complaintBody || null;
  const { result, scheduled } = await db.transaction((tx) =>
    withCompanyCasesRecomputed(tx, userId, parsed.companyId, async () => {
      const [updated] = await tx
        .update(companies)
        .set({
          complaintBody: body,
          complaintAfterDays: body ? (parsed.complaintAfterDays ?? 0) : null,
        })
        .where(and(eq(companies.id, parsed.companyId), eq(companies.ownerId, userId)))
        .returning();
      if (!updated) throw notFound("Company");
      return updated;
    }),
  );
  if (schedule && scheduled.length > 0) await schedule(scheduled).catch(() => undefined);
  return result;
}
