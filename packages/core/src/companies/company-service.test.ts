import { eq } from "@caseward/db";
import { cases, contacts, fileChunks, timers } from "@caseward/db/schema";
import { describe, expect, it } from "vitest";

import { addAttachment } from "../attachments/attachment-service";
import { openCase } from "../cases/case-service";
import { addChannel } from "../channels/channel-service";
import { logContact } from "../contacts/contact-service";
import { DomainError } from "../errors";
import { createTestUser, useTestDatabase } from "../testing";
import {
  companyDeletionImpact,
  createCompany,
  deleteCompany,
  getCompany,
  listCompanies,
  setComplaintBody,
} from "./company-service";

const db = useTestDatabase();
/** How many stored file chunks the user has: files are rows and go with their case. */
const chunksOf = async (userId: string) =>
  (await db.select().from(fileChunks).where(eq(fileChunks.ownerId, userId))).length;

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

/** An airline with an open case (two contacts, one with a file) and a resolved one, and a bank. */
async function userWithAirline() {
  const user = await createTestUser(db);
  const airline = await createCompany(db, user.id, { name: "Maple Air", website: "mapleair.ca" });
  const bank = await createCompany(db, user.id, { name: "Northwind", website: "northwind.com" });
  const channel = await addChannel(db, user.id, {
    companyId: airline.id,
    kind: "email",
    value: "refunds@mapleair.ca",
    provenance: "official_website",
  });
  const refund = await openCase(db, user.id, { companyId: airline.id, title: "Refund" });
  const bags = await openCase(db, user.id, { companyId: airline.id, title: "Bags" });
  await db.update(cases).set({ status: "resolved" }).where(eq(cases.id, bags.id));
  const keep = await openCase(db, user.id, { companyId: bank.id, title: "Card fee" });
  const first = await logContact(db, user.id, {
    caseId: refund.id,
    channelId: channel.id,
    channelKind: "email",
    startedAt: new Date(Date.now() - 7_200_000),
    notes: "Asked for the refund",
  });
  await logContact(db, user.id, {
    caseId: refund.id,
    channelKind: "phone",
    startedAt: new Date(Date.now() - 3_600_000),
    outcome: "waiting_company",
  });
  await logContact(db, user.id, { caseId: keep.id, channelKind: "phone", startedAt: new Date() });
  await addAttachment(db, user.id, {
    contactId: first.id,
    fileName: "receipt.txt",
    bytes: new TextEncoder().encode("Receipt"),
  });
  return { user, airline, bank, refund, keep };
}

describe("deleting a company", () => {
  it("says what goes with it: its cases, open ones, contacts and files", async () => {
    const { user, airline, bank } = await userWithAirline();
    expect(await companyDeletionImpact(db, user.id, airline.id)).toEqual({
      id: airline.id,
      name: "Maple Air",
      cases: 2,
      openCases: 1,
      contacts: 2,
      files: 1,
    });
    expect(await companyDeletionImpact(db, user.id, bank.id)).toMatchObject({
      cases: 1,
      contacts: 1,
      files: 0,
    });
    const mallory = await createTestUser(db, "Mallory");
    const error = await companyDeletionImpact(db, mallory.id, airline.id).catch((e: unknown) => e);
    expect((error as DomainError).code).toBe("NOT_FOUND");
  });

  it("deletes it with its cases, contacts, timers and files, and nothing of another company", async () => {
    const { user, airline, bank, refund, keep } = await userWithAirline();
    expect(await chunksOf(user.id)).toBe(1);
    expect(await db.select().from(timers).where(eq(timers.caseId, refund.id))).not.toEqual([]);
    const gone = await deleteCompany(db, user.id, { companyId: airline.id, caseCount: 2 });
    expect(gone).toMatchObject({ name: "Maple Air", cases: 2, contacts: 2, files: 1 });
    expect((await listCompanies(db, user.id)).map((c) => c.name)).toEqual(["Northwind"]);
    expect(await db.select().from(cases).where(eq(cases.ownerId, user.id))).toMatchObject([
      { id: keep.id },
    ]);
    expect(
      (await db.select().from(contacts).where(eq(contacts.ownerId, user.id))).map((c) => c.caseId),
    ).toEqual([keep.id]);
    expect(await db.select().from(timers).where(eq(timers.caseId, refund.id))).toEqual([]);
    expect(await chunksOf(user.id)).toBe(0);
    expect((await getCompany(db, user.id, bank.id)).name).toBe("Northwind");
  });

  it("deletes nothing when the number of cases changed since the confirmation", async () => {
    const { user, airline } = await userWithAirline();
    const error = await deleteCompany(db, user.id, { companyId: airline.id, caseCount: 1 }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({
      code: "CONFLICT",
      message: "Maple Air has 2 cases now, not 1: look at what would be deleted again.",
    });
    expect((await getCompany(db, user.id, airline.id)).name).toBe("Maple Air");
    expect(await chunksOf(user.id)).toBe(1);
  });

  it("never deletes another user's company", async () => {
    const { user, airline } = await userWithAirline();
    const mallory = await createTestUser(db, "Mallory");
    const error = await deleteCompany(db, mallory.id, {
      companyId: airline.id,
      caseCount: 2,
    }).catch((e: unknown) => e);
    expect((error as DomainError).code).toBe("NOT_FOUND");
    expect((await companyDeletionImpact(db, user.id, airline.id)).cases).toBe(2);
    expect(await chunksOf(user.id)).toBe(1);
  });
});
