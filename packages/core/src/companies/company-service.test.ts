import { describe, expect, it } from "vitest";

import { DomainError } from "../errors";
import { createTestUser, useTestDatabase } from "../testing";
import { createCompany, getCompany, listCompanies, setComplaintBody } from "./company-service";

const db = useTestDatabase();

describe("companies", () => {
  it("stores the registrable domain of the website the user typed", async () => {
    const user = await createTestUser(db);
    const company = await createCompany(db, user.id, {
      name: " Air Canada ",
      website: "https://www.aircanada.com/ca/en/contact",
      country: "ca",
    });
    expect(company).toMatchObject({
      name: "Air Canada",
      officialDomain: "aircanada.com",
      websiteUrl: "https://www.aircanada.com/ca/en/contact",
      country: "CA",
      ownerId: user.id,
    });
  });

  it("refuses a website that is not a public web address, and stores nothing", async () => {
    const user = await createTestUser(db);
    await expect(
      createCompany(db, user.id, { name: "Bank", website: "not a site" }),
    ).rejects.toThrow(/website address/);
    await expect(
      createCompany(db, user.id, { name: "Bank", website: "javascript:alert(1)" }),
    ).rejects.toThrow();
    await expect(
      createCompany(db, user.id, { name: "Bank", website: "http://192.168.0.1" }),
    ).rejects.toThrow();
    expect(await listCompanies(db, user.id)).toEqual([]);
  });

  it("shows each user only their own companies", async () => {
    const alice = await createTestUser(db, "Alice");
    const bob = await createTestUser(db, "Bob");
    const aliceBank = await createCompany(db, alice.id, { name: "Alice Bank", website: "td.com" });
    await createCompany(db, bob.id, { name: "Bob Telco", website: "bell.ca" });

    expect((await listCompanies(db, alice.id)).map((c) => c.name)).toEqual(["Alice Bank"]);
    expect((await listCompanies(db, bob.id)).map((c) => c.name)).toEqual(["Bob Telco"]);
    const error = await getCompany(db, bob.id, aliceBank.id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe("NOT_FOUND");
  });

  it("names a complaint body and the days before it accepts a complaint, for the owner only", async () => {
    const user = await createTestUser(db);
    const company = await createCompany(db, user.id, { name: "RBC", website: "rbc.com" });
    const updated = await setComplaintBody(db, user.id, {
      companyId: company.id,
      complaintBody: "Ombudsman for Banking Services and Investments",
      complaintAfterDays: "56",
    });
    expect(updated).toMatchObject({
      complaintBody: "Ombudsman for Banking Services and Investments",
      complaintAfterDays: 56,
    });
    await expect(
      setComplaintBody(db, user.id, { companyId: company.id, complaintBody: "OBSI" }),
    ).rejects.toThrow(/how many days/);
    const mallory = await createTestUser(db, "Mallory");
    const error = await setComplaintBody(db, mallory.id, {
      companyId: company.id,
      complaintBody: "",
    }).catch((e: unknown) => e);
    expect((error as DomainError).code).toBe("NOT_FOUND");
    expect((await getCompany(db, user.id, company.id)).complaintBody).toBe(
      "Ombudsman for Banking Services and Investments",
    );
  });
});
