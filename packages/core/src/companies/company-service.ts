import type { Database, Executor } from "@caseward/db";
import { and, asc, count, eq, notInArray, sql } from "@caseward/db";
import {
  attachments,
  cases,
  channels,
  companies,
  companyDomains,
  contacts,
} from "@caseward/db/schema";
import type { z } from "zod";

import { withCompanyCasesRecomputed } from "../cases/recompute";
import { closedStatuses } from "../cases/status";
import { recheckChannels } from "../channels/recheck-channels";
import type { ScheduleTimers } from "../contacts/contact-service";
import { notFound, refusal } from "../errors";
import { ownCompany } from "../ownership";
import { listCompanyDomains } from "./domain-list";
import { canonicalWebsite, officialDomainOf } from "./official-domain";
import type { CompanyInput, UpdateCompanyInput } from "./schemas";
import {
  companyInput,
  complaintBodyInput,
  deleteCompanyInput,
  updateCompanyInput,
} from "./schemas";

/** A company and its website's domain, the first of its official domains. */
export async function createCompany(db: Database, userId: string, input: CompanyInput) {
  const parsed = companyInput.parse(input);
  // The schema already refused websites without a registrable domain.
  const officialDomain = officialDomainOf(parsed.website)!;
  return db.transaction(async (tx) => {
    const [company] = await tx
      .insert(companies)
      .values({
        ownerId: userId,
        name: parsed.name,
        websiteUrl: canonicalWebsite(parsed.website),
        officialDomain,
        country: parsed.country ?? null,
      })
      .returning();
    await tx.insert(companyDomains).values({
      ownerId: userId,
      companyId: company!.id,
      domain: officialDomain,
      provenance: parsed.provenance,
    });
    return company!;
  });
}

/**
 * Changes a company's name, website and country, through the same rules as creation. A new
 * website's domain replaces the old website's among the official domains, and the company's
 * channels are checked again (`recheck` says which changed).
 */
export async function updateCompany(db: Database, userId: string, input: UpdateCompanyInput) {
  const parsed = updateCompanyInput.parse(input);
  const officialDomain = officialDomainOf(parsed.website)!;
  return db.transaction(async (tx) => {
    const before = await ownCompany(tx, userId, parsed.companyId, { forUpdate: true });
    const [company] = await tx
      .update(companies)
      .set({
        name: parsed.name,
        websiteUrl: canonicalWebsite(parsed.website),
        officialDomain,
        country: parsed.country ?? null,
      })
      .where(and(eq(companies.id, before.id), eq(companies.ownerId, userId)))
      .returning();
    const replaced = officialDomain === before.officialDomain ? null : before.officialDomain;
    if (replaced !== null) {
      await tx
        .delete(companyDomains)
        .where(
          and(
            eq(companyDomains.companyId, before.id),
            eq(companyDomains.ownerId, userId),
            eq(companyDomains.domain, replaced),
          ),
        );
      // Already listed as another official domain: it keeps where it was found.
      await tx
        .insert(companyDomains)
        .values({
          ownerId: userId,
          companyId: before.id,
          domain: officialDomain,
          provenance: parsed.provenance,
        })
        .onConflictDoNothing();
    }
    const recheck = await recheckChannels(tx, userId, before.id);
    return { company: company!, replacedDomain: replaced, recheck };
  });
}

export async function listCompanies(db: Database, userId: string) {
  return db
    .select({
      id: companies.id,
      name: companies.name,
      officialDomain: companies.officialDomain,
      websiteUrl: companies.websiteUrl,
      /** Its official domains, the website's first. */
      officialDomains: sql<string[]>`array(${db
        .select({ domain: companyDomains.domain })
        .from(companyDomains)
        .where(eq(companyDomains.companyId, companies.id))
        .orderBy(
          sql`${companyDomains.domain} <> ${companies.officialDomain}`,
          asc(companyDomains.createdAt),
        )})`,
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

/** One of the user's companies (the company page), with its official domains. */
export async function getCompany(db: Executor, userId: string, companyId: string) {
  const company = await ownCompany(db, userId, companyId);
  return { ...company, domains: await listCompanyDomains(db, userId, company) };
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

async function countWhatGoes(db: Executor, userId: string, companyId: string) {
  const [caseCounts, [contactCount], [fileCount]] = await Promise.all([
    db
      .select({ open: sql<boolean>`${cases.status} not in ${[...closedStatuses]}`, n: count() })
      .from(cases)
      .where(and(eq(cases.companyId, companyId), eq(cases.ownerId, userId)))
      .groupBy(sql`1`),
    db
      .select({ n: count() })
      .from(contacts)
      .innerJoin(cases, eq(cases.id, contacts.caseId))
      .where(and(eq(cases.companyId, companyId), eq(contacts.ownerId, userId))),
    db
      .select({ n: count() })
      .from(attachments)
      .innerJoin(contacts, eq(contacts.id, attachments.contactId))
      .innerJoin(cases, eq(cases.id, contacts.caseId))
      .where(and(eq(cases.companyId, companyId), eq(attachments.ownerId, userId))),
  ]);
  const openCases = caseCounts.find((c) => c.open)?.n ?? 0;
  return {
    cases: caseCounts.reduce((sum, c) => sum + c.n, 0),
    openCases,
    contacts: contactCount?.n ?? 0,
    files: fileCount?.n ?? 0,
  };
}

/** What deleting a company takes with it, for the confirmation to say. */
export async function companyDeletionImpact(db: Executor, userId: string, companyId: string) {
  const company = await ownCompany(db, userId, companyId, {
    columns: { id: companies.id, name: companies.name },
  });
  return { ...company, ...(await countWhatGoes(db, userId, company.id)) };
}

/**
 * Deletes a company with everything under it: channels, domains, cases and their contacts,
 * questions, timers, emails not sent yet, and files (all rows: they cascade). `caseCount` is what the confirmation showed: when a case was opened or
 * deleted since, nothing is deleted and the user is asked to look again.
 */
export async function deleteCompany(
  db: Database,
  userId: string,
  input: z.input<typeof deleteCompanyInput>,
) {
  const parsed = deleteCompanyInput.parse(input);
  return db.transaction(async (tx) => {
    const company = await ownCompany(tx, userId, parsed.companyId, {
      columns: { id: companies.id, name: companies.name },
      forUpdate: true,
    });
    const what = await countWhatGoes(tx, userId, company.id);
    if (what.cases !== parsed.caseCount) {
      throw refusal("CONFLICT", "companyCasesChanged", {
        company: company.name,
        cases: what.cases,
        expected: parsed.caseCount,
      });
    }
    await tx
      .delete(companies)
      .where(and(eq(companies.id, company.id), eq(companies.ownerId, userId)));
    return { ...company, ...what };
  });
}
