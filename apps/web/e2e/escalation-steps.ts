import type { APIRequestContext } from "@playwright/test";

import { must } from "./fixtures";

/** The words of a company that goes quiet, in the language of the spec that uses it. */
export interface QuietCompanyWords {
  /** The user's language, when the spec sets one. */
  locale?: "en" | "fr-CA";
  company: string;
  supportEmail: string;
  caseTitle: string;
}

/** Where the company and its case live. */
export interface QuietCompany {
  companyId: string;
  emailChannelId: string;
  caseId: string;
}

/**
 * The set-up of the escalation flow (escalation.spec.ts, french.spec.ts): a signed-up user in
 * Quebec with no quiet hours and escalation emails on (the email goes out as soon as the timer
 * fires), a company with a verified email and phone (1 888 433 6876), and a case opened with it.
 */
export async function seedQuietCompany(
  request: APIRequestContext,
  words: QuietCompanyWords,
): Promise<QuietCompany> {
  await must(request, "settings.update", {
    ...(words.locale ? { locale: words.locale } : {}),
    timeZone: "America/Toronto",
    country: "CA",
    subdivision: "QC",
    quietHoursStart: "00:00",
    quietHoursEnd: "00:00",
    emailEscalations: true,
  });
  const company = await must<{ id: string }>(request, "company.create", {
    name: words.company,
    website: "videotron.com",
    country: "CA",
  });
  const email = await must<{ id: string }>(request, "channel.add", {
    companyId: company.id,
    kind: "email",
    value: words.supportEmail,
    provenance: "statement",
    verified: true,
  });
  await must(request, "channel.add", {
    companyId: company.id,
    kind: "phone",
    value: "1 888 433 6876",
    provenance: "bill",
    verified: true,
  });
  const opened = await must<{ id: string }>(request, "case.open", {
    companyId: company.id,
    title: words.caseTitle,
  });
  return { companyId: company.id, emailChannelId: email.id, caseId: opened.id };
}

/** An email to the company ten days ago, never answered: the response window is long past. */
export async function logUnansweredEmail(request: APIRequestContext, quiet: QuietCompany) {
  await must(request, "contact.log", {
    caseId: quiet.caseId,
    channelId: quiet.emailChannelId,
    channelKind: "email",
    startedAt: new Date(Date.now() - 10 * 86400_000).toISOString(),
  });
}
