import type { Database, Executor } from "@caseward/db";
import { and, eq, inArray, notInArray, sql } from "@caseward/db";
import { cases, companies, contacts, privacyAnswers } from "@caseward/db/schema";
import type { z } from "zod";

import { notFound } from "../errors";
import { ownCompany } from "../ownership";
import { getSettings } from "../settings/settings-service";
import type { PrivacyAnswerValue } from "./checklist";
import { needsReview, ratePrivacy } from "./checklist";
import type { privacyChecklistInput, willingToShareInput } from "./schemas";
import {
  privacyChecklistInput as checklistInput,
  willingToShareInput as willingInput,
} from "./schemas";

export interface StoredPrivacyAnswer {
  answer: PrivacyAnswerValue;
  note: string | null;
  sourceUrl: string | null;
  updatedAt: Date;
}

/** A company's privacy checklist: the answers, the rating and whether it needs a review. */
export async function getPrivacyChecklist(
  db: Executor,
  userId: string,
  companyId: string,
  now = new Date(),
) {
  const company = await ownCompany(db, userId, companyId, {
    columns: {
      id: companies.id,
      name: companies.name,
      country: companies.country,
      privacyReviewedAt: companies.privacyReviewedAt,
      willingToShare: companies.willingToShare,
    },
  });
  const [rows, contactCount, settings] = await Promise.all([
    db
      .select()
      .from(privacyAnswers)
      .where(and(eq(privacyAnswers.companyId, companyId), eq(privacyAnswers.ownerId, userId))),
    db.$count(
      contacts,
      and(
        eq(contacts.ownerId, userId),
        inArray(
          contacts.caseId,
          db.select({ id: cases.id }).from(cases).where(eq(cases.companyId, companyId)),
        ),
      ),
    ),
    getSettings(db, userId),
  ]);
  const answers: Record<string, StoredPrivacyAnswer> = {};
  for (const row of rows) {
    answers[row.questionId] = {
      answer: row.answer,
      note: row.note,
      sourceUrl: row.sourceUrl,
      updatedAt: row.updatedAt,
    };
  }
  return {
    company,
    answers,
    // The reasons in the user's language.
    rating: ratePrivacy(answers, settings.locale),
    needsReview: needsReview(company.privacyReviewedAt, now),
    /** No contact yet: the checklist is best done before the first one. */
    beforeFirstContact: contactCount === 0,
  };
}

/** Saves the whole checklist (a question left out is unanswered) and marks it reviewed now. */
export async function savePrivacyChecklist(
  db: Database,
  userId: string,
  input: z.input<typeof privacyChecklistInput>,
) {
  const parsed = checklistInput.parse(input);
  await db.transaction(async (tx) => {
    const [company] = await tx
      .update(companies)
      .set({ privacyReviewedAt: new Date() })
      .where(and(eq(companies.id, parsed.companyId), eq(companies.ownerId, userId)))
      .returning({ id: companies.id });
    if (!company) throw notFound("Company");
    const given = Object.entries(parsed.answers).filter(([, a]) => a !== undefined);
    const scope = and(eq(privacyAnswers.companyId, company.id), eq(privacyAnswers.ownerId, userId));
    await tx.delete(privacyAnswers).where(
      given.length > 0
        ? and(
            scope,
            notInArray(
              privacyAnswers.questionId,
              given.map(([id]) => id),
            ),
          )
        : scope,
    );
    if (given.length === 0) return;
    await tx
      .insert(privacyAnswers)
      .values(
        given.map(([questionId, a]) => ({
          ownerId: userId,
          companyId: company.id,
          questionId,
          answer: a.answer,
          note: a.note || null,
          sourceUrl: a.sourceUrl ?? null,
        })),
      )
      .onConflictDoUpdate({
        target: [privacyAnswers.companyId, privacyAnswers.questionId],
        set: {
          answer: sql`excluded.answer`,
          note: sql`excluded.note`,
          sourceUrl: sql`excluded.source_url`,
          updatedAt: new Date(),
        },
      });
  });
  return getPrivacyChecklist(db, userId, parsed.companyId);
}

/** The kinds of personal data the user decided to give this company at most. */
export async function setWillingToShare(
  db: Database,
  userId: string,
  input: z.input<typeof willingToShareInput>,
) {
  const parsed = willingInput.parse(input);
  const [updated] = await db
    .update(companies)
    .set({ willingToShare: [...new Set(parsed.kinds)] })
    .where(and(eq(companies.id, parsed.companyId), eq(companies.ownerId, userId)))
    .returning({ id: companies.id, willingToShare: companies.willingToShare });
  if (!updated) throw notFound("Company");
  return updated;
}
