import type { Database, Executor } from "@caseward/db";
import { and, asc, eq, ne } from "@caseward/db";
import { companies, companyDomains } from "@caseward/db/schema";
import type { z } from "zod";

import { recheckChannels } from "../channels/recheck-channels";
import { notFound, refusal } from "../errors";
import { ownCompany, ownCompanyDomain } from "../ownership";
import { listCompanyDomains } from "./domain-list";
import { officialDomainOf } from "./official-domain";
import type { CompanyDomainInput } from "./schemas";
import { companyDomainInput, domainId, domainProvenanceInput, sameDomainInput } from "./schemas";

const companyColumns = { id: companies.id, officialDomain: companies.officialDomain };

/** The domain row, locked, with its company locked first (domain changes queue per company). */
async function ownDomain(tx: Executor, userId: string, id: string) {
  const { companyId } = await ownCompanyDomain(tx, userId, id, {
    columns: { companyId: companyDomains.companyId },
  });
  const company = await ownCompany(tx, userId, companyId, {
    columns: companyColumns,
    forUpdate: true,
  });
  const domain = await ownCompanyDomain(tx, userId, id, {
    columns: { id: companyDomains.id, domain: companyDomains.domain },
    forUpdate: true,
  });
  return { company, domain };
}

/**
 * Adds an official domain to a company (typed as "rbcroyalbank.com" or any address on it) and
 * checks its channels again: one that was suspicious for being on that domain is usable now.
 */
export async function addCompanyDomain(db: Database, userId: string, input: CompanyDomainInput) {
  const parsed = companyDomainInput.parse(input);
  // The schema refused anything without a registrable domain.
  const domain = officialDomainOf(parsed.domain)!;
  return db.transaction(async (tx) => {
    const company = await ownCompany(tx, userId, parsed.companyId, {
      columns: companyColumns,
      forUpdate: true,
    });
    const [added] = await tx
      .insert(companyDomains)
      .values({ ownerId: userId, companyId: company.id, domain, provenance: parsed.provenance })
      .onConflictDoNothing()
      .returning({ id: companyDomains.id });
    if (!added) {
      throw refusal("BAD_REQUEST", "domainAlreadyOfficial", { domain }, "domain");
    }
    const recheck = await recheckChannels(tx, userId, company.id);
    return { domain, domains: await listCompanyDomains(tx, userId, company), recheck };
  });
}

/**
 * Removes an official domain (not the website's: changing the website replaces that one) and
 * checks the company's channels again: those on it become suspicious.
 */
export async function removeCompanyDomain(
  db: Database,
  userId: string,
  input: z.input<typeof domainId>,
) {
  const parsed = domainId.parse(input);
  return db.transaction(async (tx) => {
    const { company, domain } = await ownDomain(tx, userId, parsed.domainId);
    if (domain.domain === company.officialDomain) {
      throw refusal("BAD_REQUEST", "domainIsWebsite", { domain: domain.domain });
    }
    await tx
      .delete(companyDomains)
      .where(and(eq(companyDomains.id, domain.id), eq(companyDomains.ownerId, userId)));
    const recheck = await recheckChannels(tx, userId, company.id);
    return {
      domain: domain.domain,
      domains: await listCompanyDomains(tx, userId, company),
      recheck,
    };
  });
}

/** Says where the user found one of a company's domains. */
export async function setDomainProvenance(
  db: Database,
  userId: string,
  input: z.input<typeof domainProvenanceInput>,
) {
  const parsed = domainProvenanceInput.parse(input);
  const [updated] = await db
    .update(companyDomains)
    .set({ provenance: parsed.provenance })
    .where(and(eq(companyDomains.id, parsed.domainId), eq(companyDomains.ownerId, userId)))
    .returning({
      id: companyDomains.id,
      domain: companyDomains.domain,
      provenance: companyDomains.provenance,
    });
  if (!updated) throw notFound("Domain");
  return updated;
}

/**
 * The user's other companies that already have the domain of this website: adding a second
 * company for the same bank is usually a mistake, so the form warns and links to the first.
 */
export async function companiesWithDomain(
  db: Executor,
  userId: string,
  input: z.input<typeof sameDomainInput>,
) {
  const parsed = sameDomainInput.parse(input);
  const domain = officialDomainOf(parsed.website);
  if (domain === null) return [];
  return db
    .select({ id: companies.id, name: companies.name, domain: companyDomains.domain })
    .from(companyDomains)
    .innerJoin(
      companies,
      and(
        eq(companies.id, companyDomains.companyId),
        eq(companies.ownerId, companyDomains.ownerId),
      ),
    )
    .where(
      and(
        eq(companyDomains.ownerId, userId),
        eq(companyDomains.domain, domain),
        parsed.companyId ? ne(companies.id, parsed.companyId) : undefined,
      ),
    )
    .orderBy(asc(companies.name));
}
