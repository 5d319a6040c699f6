import { readFileSync } from "node:fs";

import { and, eq, sql } from "@caseward/db";
import { channels, companies, companyDomains } from "@caseward/db/schema";
import { describe, expect, it } from "vitest";

import { addChannel, listChannels, reportChannel } from "../channels/channel-service";
import { DomainError } from "../errors";
import { createTestUser, refusalOf, useTestDatabase } from "../testing";
import {
  addCompanyDomain,
  companiesWithDomain,
  removeCompanyDomain,
  setDomainProvenance,
} from "./company-domains";
import { createCompany, getCompany, listCompanies, updateCompany } from "./company-service";

const db = useTestDatabase();

/** RBC with its website's domain only, and a channel on each of the bank's two domains. */
async function bank() {
  const user = await createTestUser(db);
  const company = await createCompany(db, user.id, {
    name: "RBC",
    website: "https://www.rbc.com/contact",
    country: "CA",
    provenance: "card_back",
  });
  const web = await addChannel(db, user.id, {
    companyId: company.id,
    kind: "web_form",
    value: "https://www.rbc.com/contact",
    provenance: "card_back",
    verified: true,
  });
  const email = await addChannel(db, user.id, {
    companyId: company.id,
    kind: "email",
    value: "help@rbcroyalbank.com",
    provenance: "statement",
  });
  return { user, company, web, email };
}

const statusOf = async (userId: string, companyId: string) =>
  Object.fromEntries(
    (await listChannels(db, userId, companyId)).map((c) => [c.value, [c.status, c.statusReason]]),
  );

describe("official domains", () => {
  it("starts with the website's domain, and where the user found it", async () => {
    const { user, company } = await bank();
    const found = await getCompany(db, user.id, company.id);
    expect(found.domains.map((d) => [d.domain, d.provenance, d.isWebsite])).toEqual([
      ["rbc.com", "card_back", true],
    ]);
    expect((await listCompanies(db, user.id))[0]?.officialDomains).toEqual(["rbc.com"]);
  });

  it("clears a channel on a domain once it is added, and flags lookalikes of it", async () => {
    const { user, company, email } = await bank();
    expect(email.status).toBe("suspicious");
    const added = await addCompanyDomain(db, user.id, {
      companyId: company.id,
      domain: "https://www.RBCRoyalBank.com/accounts",
      provenance: "statement",
    });
    expect(added.domain).toBe("rbcroyalbank.com");
    expect(added.domains.map((d) => [d.domain, d.provenance, d.isWebsite])).toEqual([
      ["rbc.com", "card_back", true],
      ["rbcroyalbank.com", "statement", false],
    ]);
    expect(added.recheck).toEqual({
      cleared: [
        { id: email.id, kind: "email", value: "help@rbcroyalbank.com", statusReason: null },
      ],
      flagged: [],
    });
    // Usable now, but nobody checked it against an official source: not verified.
    expect(await statusOf(user.id, company.id)).toEqual({
      "https://www.rbc.com/contact": ["verified", null],
      "help@rbcroyalbank.com": ["unverified", null],
    });

    const lookalike = await addChannel(db, user.id, {
      companyId: company.id,
      kind: "web_form",
      value: "rbcroyalbamk.com/login",
      provenance: "other",
    });
    expect(lookalike.status).toBe("suspicious");
    expect(lookalike.statusReason).toContain("rbcroyalbamk.com looks like rbcroyalbank.com");
    const second = await addChannel(db, user.id, {
      companyId: company.id,
      kind: "chat",
      value: "https://chat.rbcroyalbank.com/",
      provenance: "official_website",
    });
    expect(second.status).toBe("unverified");
  });

  it("refuses a domain the company already has, or one that is not a domain, and stores nothing", async () => {
    const { user, company } = await bank();
    const twice = await addCompanyDomain(db, user.id, {
      companyId: company.id,
      domain: "help.rbc.com",
      provenance: "other",
    }).catch((e: unknown) => e);
    expect(twice).toBeInstanceOf(DomainError);
    expect((twice as DomainError).fieldErrors.domain).toEqual([
      "rbc.com is already one of this company's official domains.",
    ]);
    await expect(
      addCompanyDomain(db, user.id, {
        companyId: company.id,
        domain: "localhost",
        provenance: "other",
      }),
    ).rejects.toThrow(/Enter a domain such as/);
    await expect(
      addCompanyDomain(db, user.id, {
        companyId: company.id,
        domain: "rbc2.com",
        provenance: "x" as never,
      }),
    ).rejects.toThrow(/where you found it/);
    expect((await getCompany(db, user.id, company.id)).domains).toHaveLength(1);
  });

  it("flags the channels on a removed domain, and never removes the website's", async () => {
    const { user, company, email } = await bank();
    const { domains } = await addCompanyDomain(db, user.id, {
      companyId: company.id,
      domain: "rbcroyalbank.com",
      provenance: "statement",
    });
    const { setPreferredChannel } = await import("../channels/channel-service");
    await setPreferredChannel(db, user.id, email.id);
    const removed = await removeCompanyDomain(db, user.id, { domainId: domains[1]!.id });
    expect(removed.domains.map((d) => d.domain)).toEqual(["rbc.com"]);
    expect(removed.recheck.cleared).toEqual([]);
    expect(removed.recheck.flagged).toEqual([
      {
        id: email.id,
        kind: "email",
        value: "help@rbcroyalbank.com",
        statusReason:
          "This address is on rbcroyalbank.com, not rbc.com, the company's official domain.",
      },
    ]);
    const [stored] = await db.select().from(channels).where(eq(channels.id, email.id));
    expect(stored).toMatchObject({ status: "suspicious", isPreferred: false });

    const website = await removeCompanyDomain(db, user.id, { domainId: domains[0]!.id }).catch(
      (e: unknown) => e,
    );
    expect((website as DomainError).message).toBe(
      "rbc.com is the domain of the company's website: change the website to replace it.",
    );
    expect((await getCompany(db, user.id, company.id)).domains).toHaveLength(1);
  });

  it("leaves a channel the user reported suspicious whatever the domains say", async () => {
    const { user, company, web } = await bank();
    await reportChannel(db, user.id, { channelId: web.id, reason: "The page asked for my PIN" });
    const { recheck } = await addCompanyDomain(db, user.id, {
      companyId: company.id,
      domain: "rbcroyalbank.com",
      provenance: "statement",
    });
    expect(recheck.cleared.map((c) => c.value)).toEqual(["help@rbcroyalbank.com"]);
    expect((await statusOf(user.id, company.id))["https://www.rbc.com/contact"]).toEqual([
      "suspicious",
      "You reported it: The page asked for my PIN",
    ]);
  });

  it("says where a domain was found, for its owner only", async () => {
    const { user, company } = await bank();
    const [domain] = (await getCompany(db, user.id, company.id)).domains;
    expect(
      await setDomainProvenance(db, user.id, { domainId: domain!.id, provenance: "bill" }),
    ).toMatchObject({ domain: "rbc.com", provenance: "bill" });
    const mallory = await createTestUser(db, "Mallory");
    expect(
      await refusalOf(
        setDomainProvenance(db, mallory.id, { domainId: domain!.id, provenance: "other" }),
      ),
    ).toBe("NOT_FOUND");
    expect((await getCompany(db, user.id, company.id)).domains[0]?.provenance).toBe("bill");
  });

  it("never adds to, removes from or reads another user's domains", async () => {
    const { user, company } = await bank();
    const mallory = await createTestUser(db, "Mallory");
    const [domain] = (await getCompany(db, user.id, company.id)).domains;
    expect(
      await refusalOf(
        addCompanyDomain(db, mallory.id, {
          companyId: company.id,
          domain: "evil.com",
          provenance: "other",
        }),
      ),
    ).toBe("NOT_FOUND");
    expect(await refusalOf(removeCompanyDomain(db, mallory.id, { domainId: domain!.id }))).toBe(
      "NOT_FOUND",
    );
    expect(await companiesWithDomain(db, mallory.id, { website: "rbc.com" })).toEqual([]);
    expect((await getCompany(db, user.id, company.id)).domains.map((d) => d.domain)).toEqual([
      "rbc.com",
    ]);
  });
});

describe("companies on the same domain", () => {
  it("finds the user's other companies on a website's domain, official or added", async () => {
    const { user, company } = await bank();
    await addCompanyDomain(db, user.id, {
      companyId: company.id,
      domain: "rbcroyalbank.com",
      provenance: "statement",
    });
    const expected = [{ id: company.id, name: "RBC", domain: "rbcroyalbank.com" }];
    expect(
      await companiesWithDomain(db, user.id, { website: "https://RBCRoyalBank.com/x" }),
    ).toEqual(expected);
    expect(await companiesWithDomain(db, user.id, { website: "www.rbc.com" })).toEqual([
      { ...expected[0], domain: "rbc.com" },
    ]);
    // The company being edited is not a duplicate of itself; half-typed text finds nothing.
    expect(
      await companiesWithDomain(db, user.id, { website: "rbc.com", companyId: company.id }),
    ).toEqual([]);
    expect(await companiesWithDomain(db, user.id, { website: "rbc" })).toEqual([]);
    expect(await companiesWithDomain(db, user.id, { website: "td.com" })).toEqual([]);
  });
});

describe("editing a company", () => {
  it("changes name, website and country, and re-checks channels on the new domain", async () => {
    const { user, company, web, email } = await bank();
    const {
      company: updated,
      replacedDomain,
      recheck,
    } = await updateCompany(db, user.id, {
      companyId: company.id,
      name: " Royal Bank of Canada ",
      website: "rbcroyalbank.com",
      country: "ca",
      provenance: "statement",
    });
    expect(updated).toMatchObject({
      name: "Royal Bank of Canada",
      websiteUrl: "https://rbcroyalbank.com",
      officialDomain: "rbcroyalbank.com",
      country: "CA",
    });
    expect(replacedDomain).toBe("rbc.com");
    expect(recheck.cleared.map((c) => c.id)).toEqual([email.id]);
    expect(recheck.flagged.map((c) => c.id)).toEqual([web.id]);
    expect(
      (await getCompany(db, user.id, company.id)).domains.map((d) => [d.domain, d.provenance]),
    ).toEqual([["rbcroyalbank.com", "statement"]]);
  });

  it("keeps an added domain's provenance when the website moves onto it", async () => {
    const { user, company } = await bank();
    await addCompanyDomain(db, user.id, {
      companyId: company.id,
      domain: "rbcroyalbank.com",
      provenance: "bill",
    });
    await updateCompany(db, user.id, {
      companyId: company.id,
      name: "RBC",
      website: "https://www.rbcroyalbank.com/",
    });
    const { domains, country } = await getCompany(db, user.id, company.id);
    expect(domains.map((d) => [d.domain, d.provenance, d.isWebsite])).toEqual([
      ["rbcroyalbank.com", "bill", true],
    ]);
    expect(country).toBeNull();
  });

  it("refuses what creation refuses, and another user's company, changing nothing", async () => {
    const { user, company } = await bank();
    const bad = await updateCompany(db, user.id, {
      companyId: company.id,
      name: "",
      website: "javascript:alert(1)",
      country: "Canada",
    }).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(Error);
    expect(String(bad)).toMatch(/Give the company a name/);
    expect(String(bad)).toMatch(/website address/);
    expect(String(bad)).toMatch(/two-letter country code/);
    await expect(
      updateCompany(db, user.id, {
        companyId: company.id,
        name: "RBC 4111 1111 1111 1111",
        website: "rbc.com",
      }),
    ).rejects.toThrow(/card number/);
    const mallory = await createTestUser(db, "Mallory");
    expect(
      await refusalOf(
        updateCompany(db, mallory.id, { companyId: company.id, name: "Mine", website: "evil.com" }),
      ),
    ).toBe("NOT_FOUND");
    expect(await getCompany(db, user.id, company.id)).toMatchObject({
      name: "RBC",
      officialDomain: "rbc.com",
      country: "CA",
    });
  });
});

describe("migration 0009", () => {
  it("gives every existing company its current domain as an official domain", async () => {
    const user = await createTestUser(db);
    // A company as it was stored before official domains had their own table.
    const [old] = await db
      .insert(companies)
      .values({
        ownerId: user.id,
        name: "Bell",
        websiteUrl: "https://www.bell.ca",
        officialDomain: "bell.ca",
      })
      .returning();
    const migration = readFileSync(
      new URL("../../../db/migrations/0009_company_domains.sql", import.meta.url),
      "utf8",
    );
    const backfill = migration
      .split("--> statement-breakpoint")
      .find((statement) => statement.includes('INSERT INTO "company_domains"'));
    expect(backfill).toBeDefined();
    await db.execute(sql.raw(backfill!));
    const rows = await db
      .select({ domain: companyDomains.domain, provenance: companyDomains.provenance })
      .from(companyDomains)
      .where(and(eq(companyDomains.companyId, old!.id), eq(companyDomains.ownerId, user.id)));
    expect(rows).toEqual([{ domain: "bell.ca", provenance: "other" }]);
    // Running it again adds nothing.
    await db.execute(sql.raw(backfill!));
    expect((await getCompany(db, user.id, old!.id)).domains).toHaveLength(1);
  });
});
