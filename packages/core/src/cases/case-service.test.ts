import { describe, expect, it } from "vitest";

import { addChannel } from "../channels/channel-service";
import { createCompany, listCompanies } from "../companies/company-service";
import { logContact } from "../contacts/contact-service";
import { DomainError } from "../errors";
import { createTestUser, useTestDatabase } from "../testing";
import { getCase, openCase } from "./case-service";
import { listCases } from "./case-list";

/** The cases the dashboard shows as not closed. */
const openCases = async (userId: string) => {
  const { groups } = await listCases(db, userId, {});
  return [...groups.needs_attention, ...groups.waiting_company, ...groups.waiting_me];
};

const db = useTestDatabase();

async function userWithCompany() {
  const user = await createTestUser(db);
  const company = await createCompany(db, user.id, {
    name: "Rogers",
    website: "rogers.com",
    country: "CA",
  });
  return { user, company };
}

const codeOf = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  return error instanceof DomainError ? error.code : error;
};

describe("cases and contacts", () => {
  it("opens a case, logs a contact and shows it on the dashboard with the time of the last contact", async () => {
    const { user, company } = await userWithCompany();
    const phone = await addChannel(db, user.id, {
      companyId: company.id,
      kind: "phone",
      value: "1 888 764 3771",
      provenance: "bill",
      verified: true,
    });
    const opened = await openCase(db, user.id, {
      companyId: company.id,
      title: "Internet outage since Monday",
    });
    expect(opened.status).toBe("open");

    const startedAt = new Date("2026-11-20T15:04:00Z");
    const contact = await logContact(db, user.id, {
      caseId: opened.id,
      channelId: phone.id,
      channelKind: "email", // the channel's own kind wins
      startedAt,
      representativeName: "Priya",
      representativeId: "R-4411",
      referenceNumber: "TCK-99812",
      notes: "Promised a technician visit.",
      outcome: "waiting_company",
    });
    expect(contact).toMatchObject({
      channelKind: "phone",
      representativeName: "Priya",
      referenceNumber: "TCK-99812",
    });

    const list = await listCases(db, user.id, {});
    const [row] = await openCases(user.id);
    expect(row).toMatchObject({
      id: opened.id,
      status: "awaiting_company",
      companyId: company.id,
      lastContactAt: startedAt.getTime(),
    });
    expect(list.companies).toEqual({ [company.id]: { name: "Rogers" } });

    const detail = await getCase(db, user.id, opened.id);
    expect(detail.contacts.map((c) => c.referenceNumber)).toEqual(["TCK-99812"]);
    expect(detail.channels.map((c) => c.value)).toEqual(["+18887643771"]);
    expect(await listCompanies(db, user.id)).toMatchObject([{ channelCount: 1, openCaseCount: 1 }]);
  });

  it("keeps the latest contact time when an older contact is logged later", async () => {
    const { user, company } = await userWithCompany();
    const opened = await openCase(db, user.id, { companyId: company.id, title: "Billing error" });
    await logContact(db, user.id, {
      caseId: opened.id,
      channelKind: "chat",
      startedAt: new Date("2026-11-10T10:00:00Z"),
    });
    await logContact(db, user.id, {
      caseId: opened.id,
      channelKind: "chat",
      startedAt: new Date("2026-11-01T10:00:00Z"),
    });
    const detail = await getCase(db, user.id, opened.id);
    expect(detail.lastContactAt?.toISOString()).toBe("2026-11-10T10:00:00.000Z");
    expect(detail.contacts.map((c) => c.startedAt.toISOString())).toEqual([
      "2026-11-10T10:00:00.000Z",
      "2026-11-01T10:00:00.000Z",
    ]);
  });

  it("drops resolved cases from the open list", async () => {
    const { user, company } = await userWithCompany();
    const opened = await openCase(db, user.id, { companyId: company.id, title: "Refund" });
    await logContact(db, user.id, {
      caseId: opened.id,
      channelKind: "phone",
      startedAt: new Date(),
      outcome: "resolved",
    });
    expect(await openCases(user.id)).toEqual([]);
    expect((await getCase(db, user.id, opened.id)).closedAt).toBeInstanceOf(Date);
  });

  it("does not drop the representative's name silently but records that they declined", async () => {
    const { user, company } = await userWithCompany();
    const opened = await openCase(db, user.id, { companyId: company.id, title: "Dispute" });
    const contact = await logContact(db, user.id, {
      caseId: opened.id,
      channelKind: "phone",
      startedAt: new Date(),
      representativeDeclinedName: true,
      representativeName: "ignored",
    });
    expect(contact).toMatchObject({ representativeDeclinedName: true, representativeName: null });
  });

  it("never lets one user read or write another user's cases", async () => {
    const alice = await userWithCompany();
    const mallory = await createTestUser(db, "Mallory");
    const aliceCase = await openCase(db, alice.user.id, {
      companyId: alice.company.id,
      title: "Private matter",
    });

    expect(await codeOf(getCase(db, mallory.id, aliceCase.id))).toBe("NOT_FOUND");
    expect(
      await codeOf(openCase(db, mallory.id, { companyId: alice.company.id, title: "Sneaky case" })),
    ).toBe("NOT_FOUND");
    expect(
      await codeOf(
        logContact(db, mallory.id, {
          caseId: aliceCase.id,
          channelKind: "email",
          startedAt: new Date(),
        }),
      ),
    ).toBe("NOT_FOUND");
    expect(await openCases(mallory.id)).toEqual([]);
    expect((await getCase(db, alice.user.id, aliceCase.id)).contacts).toEqual([]);
  });

  it("refuses a channel of another company and stores nothing", async () => {
    const { user, company } = await userWithCompany();
    const other = await createCompany(db, user.id, { name: "Bell", website: "bell.ca" });
    const bellEmail = await addChannel(db, user.id, {
      companyId: other.id,
      kind: "email",
      value: "help@bell.ca",
      provenance: "official_website",
    });
    const opened = await openCase(db, user.id, { companyId: company.id, title: "Wrong channel" });
    const error = await logContact(db, user.id, {
      caseId: opened.id,
      channelId: bellEmail.id,
      channelKind: "email",
      startedAt: new Date(),
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).fieldErrors).toHaveProperty("channelId");
    expect((await getCase(db, user.id, opened.id)).contacts).toEqual([]);
  });

  it("refuses impossible times with a message per field", async () => {
    const { user, company } = await userWithCompany();
    const opened = await openCase(db, user.id, { companyId: company.id, title: "Times" });
    await expect(
      logContact(db, user.id, {
        caseId: opened.id,
        channelKind: "phone",
        startedAt: new Date(Date.now() + 7 * 86400_000),
      }),
    ).rejects.toThrow(/future/);
    await expect(
      logContact(db, user.id, {
        caseId: opened.id,
        channelKind: "phone",
        startedAt: new Date("2026-11-02T10:00:00Z"),
        endedAt: new Date("2026-11-02T09:00:00Z"),
      }),
    ).rejects.toThrow(/before the start/);
    expect((await getCase(db, user.id, opened.id)).contacts).toEqual([]);
  });
});
