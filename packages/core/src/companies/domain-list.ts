import type { Executor } from "@caseward/db";
import { and, asc, eq, sql } from "@caseward/db";
import { companies, companyDomains } from "@caseward/db/schema";

import type { CompanyToCheckAgainst } from "../channels/check-channel";
import { notFound } from "../errors";

const domainColumns = {
  id: companyDomains.id,
  domain: companyDomains.domain,
  provenance: companyDomains.provenance,
  createdAt: companyDomains.createdAt,
};

/**
 * A company's official domains, its website's first (`isWebsite`), then in the order they were
 * added. Scoped to the user by the caller's company lookup and by owner here.
 */
export async function listCompanyDomains(
  db: Executor,
  userId: string,
  company: { id: string; officialDomain: string },
) {
  const rows = await db
    .select(domainColumns)
    .from(companyDomains)
    .where(and(eq(companyDomains.companyId, company.id), eq(companyDomains.ownerId, userId)))
    .orderBy(
      sql`${companyDomains.domain} <> ${company.officialDomain}`,
      asc(companyDomains.createdAt),
      asc(companyDomains.domain),
    );
  return rows.map((row) => ({ ...row, isWebsite: row.domain === company.officialDomain }));
}

export type CompanyDomain = Awaited<ReturnType<typeof listCompanyDomains>>[number];

/**
 * What a channel of this company is checked against: all its official domains and its country
 * (and its name, which warnings say).
 * With `lock`, the company row is shared-locked until the transaction ends, so the domains
 * cannot change between the check and the write that depends on it.
 */
export async function companyToCheckAgainst(
  tx: Executor,
  userId: string,
  companyId: string,
  { lock = false }: { lock?: boolean } = {},
): Promise<CompanyToCheckAgainst & { id: string; name: string }> {
  const query = tx
    .select({
      id: companies.id,
      name: companies.name,
      officialDomain: companies.officialDomain,
      country: companies.country,
    })
    .from(companies)
    .where(and(eq(companies.id, companyId), eq(companies.ownerId, userId)))
    .$dynamic();
  const [company] = await (lock ? query.for("share") : query);
  if (!company) throw notFound("Company");
  const domains = await tx
    .select({ domain: companyDomains.domain })
    .from(companyDomains)
    .where(and(eq(companyDomains.companyId, companyId), eq(companyDomains.ownerId, userId)))
    .orderBy(asc(companyDomains.createdAt));
  return {
    id: company.id,
    name: company.name,
    officialDomain: company.officialDomain,
    officialDomains: domains.map((d) => d.domain),
    country: company.country ?? undefined,
  };
}
