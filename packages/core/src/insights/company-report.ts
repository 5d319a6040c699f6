import type { Database } from "@caseward/db";
import { and, count, eq, max } from "@caseward/db";
import { breaches, companies, privacyAnswers } from "@caseward/db/schema";

import { ownCompany } from "../ownership";
import type { PrivacyRating } from "../privacy/checklist";
import { ratePrivacy } from "../privacy/checklist";
import type { Settings } from "../settings/settings-service";
import { calendarOf, getSettings } from "../settings/settings-service";
import type { DeadlineOutcomes, TimeToAnswer, TimeToResolution, WindowsMissed } from "./figures";
import {
  contactsPerResolvedCase,
  deadlineOutcomes,
  escalations,
  timeToAnswer,
  timeToResolution,
  windowsMissed,
} from "./figures";
import type { CaseScope } from "./insight-queries";
import { selectFigures } from "./insight-queries";

/** How one company treated the user, over the cases in a scope (a company's, or one case). */
export interface CompanyFigures {
  /** What the figures are over: how many cases, opened since when. */
  basis: { cases: number; since: Date | null; resolved: number; abandoned: number };
  timeToAnswer: TimeToAnswer;
  windowsMissed: WindowsMissed;
  promises: DeadlineOutcomes;
  escalations: number;
  contactsPerResolvedCase: number | null;
  timeToResolution: TimeToResolution;
  /** Minutes on calls and chats that have an end time. */
  talkMinutes: number;
  contacts: number;
}

export interface CompanyReport extends CompanyFigures {
  companyId: string;
  privacy: { rating: PrivacyRating; breaches: number; lastBreachOn: string | null };
}

/** The figures of one company's cases in `scope`, in the user's business calendar. */
export async function companyFigures(
  db: Database,
  userId: string,
  scope: CaseScope,
  settings: Settings,
  now: Date,
): Promise<CompanyFigures> {
  const calendar = calendarOf(settings);
  const rows = await selectFigures(db, userId, scope, ["counts", "waits", "tallies", "resolved"], {
    now,
  });
  const { waits, tallies, resolved } = rows;
  const [counts] = rows.counts;
  return {
    basis: {
      cases: counts?.cases ?? 0,
      since: counts?.since ?? null,
      resolved: counts?.resolved ?? 0,
      abandoned: counts?.abandoned ?? 0,
    },
    timeToAnswer: timeToAnswer(waits, calendar),
    windowsMissed: windowsMissed(tallies, now),
    promises: deadlineOutcomes(tallies, "promised_follow_up", now),
    escalations: escalations(tallies),
    contactsPerResolvedCase: contactsPerResolvedCase(
      counts?.resolvedContacts ?? 0,
      counts?.resolved ?? 0,
    ),
    timeToResolution: timeToResolution(resolved, calendar),
    talkMinutes: Math.round((counts?.talkSeconds ?? 0) / 60),
    contacts: counts?.contacts ?? 0,
  };
}

/** A company's report card: every case with it, its privacy rating and known breaches. */
export async function getCompanyReport(
  db: Database,
  userId: string,
  companyId: string,
  now = new Date(),
): Promise<CompanyReport> {
  await ownCompany(db, userId, companyId, { columns: { id: companies.id } });
  const [settings, answers, [breachRow]] = await Promise.all([
    getSettings(db, userId),
    db
      .select({ questionId: privacyAnswers.questionId, answer: privacyAnswers.answer })
      .from(privacyAnswers)
      .where(and(eq(privacyAnswers.companyId, companyId), eq(privacyAnswers.ownerId, userId))),
    db
      .select({ count: count(), last: max(breaches.occurredOn) })
      .from(breaches)
      .where(and(eq(breaches.companyId, companyId), eq(breaches.ownerId, userId))),
  ]);
  const figures = await companyFigures(db, userId, { companyId }, settings, now);
  return {
    companyId,
    ...figures,
    privacy: {
      rating: ratePrivacy(
        Object.fromEntries(answers.map((a) => [a.questionId, a])),
        settings.locale,
      ),
      breaches: breachRow?.count ?? 0,
      lastBreachOn: breachRow?.last ?? null,
    },
  };
}
