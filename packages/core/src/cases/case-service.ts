import type { Database } from "@caseward/db";
import { and, asc, desc, eq, notInArray, sql } from "@caseward/db";
import { cases, companies, contacts } from "@caseward/db/schema";

import { getCompany } from "../companies/company-service";
import { notFound } from "../errors";
import { listChannels } from "../channels/channel-service";
import type { OpenCaseInput } from "./schemas";
import { openCaseInput } from "./schemas";
import { closedStatuses } from "./status";

export async function openCase(db: Database, userId: string, input: OpenCaseInput) {
  const parsed = openCaseInput.parse(input);
  const company = await getCompany(db, userId, parsed.companyId);
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

/** Every open case across companies, the ones needing attention first. */
export async function listOpenCases(db: Database, userId: string) {
  return db
    .select({
      id: cases.id,
      title: cases.title,
      status: cases.status,
      priority: cases.priority,
      lastContactAt: cases.lastContactAt,
      createdAt: cases.createdAt,
      company: { id: companies.id, name: companies.name, officialDomain: companies.officialDomain },
    })
    .from(cases)
    .innerJoin(companies, eq(companies.id, cases.companyId))
    .where(and(eq(cases.ownerId, userId), notInArray(cases.status, [...closedStatuses])))
    .orderBy(
      sql`case ${cases.status} when 'escalation_due' then 0 when 'awaiting_me' then 1 when 'open' then 2 else 3 end`,
      sql`case ${cases.priority} when 'high' then 0 when 'normal' then 1 else 2 end`,
      asc(sql`coalesce(${cases.lastContactAt}, ${cases.createdAt})`),
    );
}

export async function listCompanyCases(db: Database, userId: string, companyId: string) {
  return db
    .select()
    .from(cases)
    .where(and(eq(cases.ownerId, userId), eq(cases.companyId, companyId)))
    .orderBy(desc(cases.updatedAt));
}

/** A case with its company, the company's ladder and the contact timeline (newest first). */
export async function getCase(db: Database, userId: string, caseId: string) {
  const found = await db.query.cases.findFirst({
    where: and(eq(cases.id, caseId), eq(cases.ownerId, userId)),
    with: { company: true },
  });
  if (!found) throw notFound("Case");
  const [timeline, ladder] = await Promise.all([
    db
      .select()
      .from(contacts)
      .where(and(eq(contacts.caseId, caseId), eq(contacts.ownerId, userId)))
      .orderBy(desc(contacts.startedAt)),
    listChannels(db, userId, found.companyId),
  ]);
  return { ...found, contacts: timeline, channels: ladder };
}
