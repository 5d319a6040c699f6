import { eq } from "@caseward/db";
import { cases, redFlags } from "@caseward/db/schema";
import { describe, expect, it } from "vitest";

import { openCase } from "./cases/case-service";
import { addChannel } from "./channels/channel-service";
import { createCompany } from "./companies/company-service";
import { logContact } from "./contacts/contact-service";
import { DomainError } from "./errors";
import { getCompany } from "./companies/company-service";
import {
  ownBreach,
  ownCase,
  ownChannel,
  ownCompany,
  ownCompanyDomain,
  ownContact,
  ownQuestion,
  ownRedFlag,
} from "./ownership";
import { reportBreach } from "./privacy/breach-service";
import { addQuestion } from "./questions/question-service";
import { createTestUser, useTestDatabase } from "./testing";

const db = useTestDatabase();

/** One row of each kind, owned by a new user. */
async function rowsOfOneUser() {
  const user = await createTestUser(db);
  const company = await createCompany(db, user.id, { name: "Rogers", website: "rogers.com" });
  const channel = await addChannel(db, user.id, {
    companyId: company.id,
    kind: "phone",
    value: "1 888 764 3771",
    provenance: "bill",
  });
  const opened = await openCase(db, user.id, { companyId: company.id, title: "Outage" });
  const contact = await logContact(db, user.id, {
    caseId: opened.id,
    channelKind: "phone",
    startedAt: new Date(),
    redFlags: ["pressure_to_act_now"],
  });
  const [redFlag] = await db.select().from(redFlags).where(eq(redFlags.contactId, contact.id));
  const [domain] = (await getCompany(db, user.id, company.id)).domains;
  const question = await addQuestion(db, user.id, { caseId: opened.id, text: "When?" });
  const breach = await reportBreach(db, user.id, {
    companyId: company.id,
    occurredOn: "2026-01-05",
    source: "A letter from the company",
  });
  return { user, company, channel, opened, contact, question, breach, redFlag, domain };
}

describe("ownership", () => {
  it.each([
    ["company", ownCompany, "Company"],
    ["case", ownCase, "Case"],
    ["contact", ownContact, "Contact"],
    ["channel", ownChannel, "Channel"],
    ["question", ownQuestion, "Question"],
    ["breach", ownBreach, "Breach report"],
    ["official domain", ownCompanyDomain, "Domain"],
    ["red flag", ownRedFlag, "Red flag"],
  ] as const)("finds the user's own %s, and another user's is not found", async (_, own, what) => {
    const alice = await rowsOfOneUser();
    const bob = await createTestUser(db);
    const ids = {
      Company: alice.company.id,
      Case: alice.opened.id,
      Contact: alice.contact.id,
      Channel: alice.channel.id,
      Question: alice.question.id,
      "Breach report": alice.breach.id,
      Domain: alice.domain!.id,
      "Red flag": alice.redFlag!.id,
    };
    const id = ids[what];

    await expect(own(db, alice.user.id, id)).resolves.toMatchObject({ id });
    const error = await own(db, bob.id, id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: "NOT_FOUND", message: `${what} not found.` });
  });

  it("reads only the columns asked for, locked when asked, inside a transaction", async () => {
    const { user, opened } = await rowsOfOneUser();
    const found = await db.transaction((tx) =>
      ownCase(tx, user.id, opened.id, {
        columns: { id: cases.id, days: cases.responseWindowDays },
        forUpdate: true,
      }),
    );
    expect(found).toEqual({ id: opened.id, days: null });
  });
});
