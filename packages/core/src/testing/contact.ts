import type { Database } from "@caseward/db";

import { openCase } from "../cases/case-service";
import { createCompany } from "../companies/company-service";
import { logContact } from "../contacts/contact-service";
import { createTestUser } from "./database";

/** A new user with a company, a case and one phone contact: where a file can be attached. */
export async function createTestContact(db: Database, name = "Test User") {
  const user = await createTestUser(db, name);
  const company = await createCompany(db, user.id, { name: "Rogers", website: "rogers.com" });
  const opened = await openCase(db, user.id, { companyId: company.id, title: "Outage" });
  const contact = await logContact(db, user.id, {
    caseId: opened.id,
    channelKind: "phone",
    startedAt: new Date("2026-11-20T15:04:00Z"),
  });
  return { user, contact };
}
