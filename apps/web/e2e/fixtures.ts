import { randomBytes } from "node:crypto";

import type {
  APIRequestContext,
  APIResponse,
  BrowserContextOptions,
  Locator,
  Page,
} from "@playwright/test";
import { expect, test } from "@playwright/test";

export const password = "a long and boring passphrase";

export function newPerson(name = "Maya Chen") {
  return {
    name,
    email: `${name.split(" ")[0]!.toLowerCase()}-${randomBytes(4).toString("hex")}@example.test`,
    password,
  };
}

/** Signs up through the auth API; the request context keeps the session cookie. */
export async function signUpByApi(request: APIRequestContext, person = newPerson()) {
  const response = await request.post("/api/auth/sign-up/email", { data: person });
  expect(response.status()).toBe(200);
  return person;
}

/** What a tRPC call answers over HTTP (superjson envelope). */
export interface TrpcAnswer<T> {
  status: number;
  data: T | undefined;
  error:
    | { message: string; data: { code: string; fieldErrors: Record<string, string[]> | null } }
    | undefined;
  raw: string;
}

async function answer<T>(response: APIResponse): Promise<TrpcAnswer<T>> {
  const raw = await response.text();
  const body = JSON.parse(raw) as {
    result?: { data: { json: T } };
    error?: { json: TrpcAnswer<T>["error"] };
  };
  return { status: response.status(), data: body.result?.data.json, error: body.error?.json, raw };
}

/** Calls a tRPC mutation the way the browser does. */
export async function mutate<T = unknown>(
  request: APIRequestContext,
  path: string,
  input: unknown,
) {
  return answer<T>(await request.post(`/api/trpc/${path}`, { data: { json: input } }));
}

export async function query<T = unknown>(
  request: APIRequestContext,
  path: string,
  input?: unknown,
) {
  const search =
    input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
  return answer<T>(await request.get(`/api/trpc/${path}${search}`));
}

export async function signUpInBrowser(page: Page, person = newPerson()) {
  await page.goto("/sign-up");
  await page.getByLabel("Your name").fill(person.name);
  await page.getByLabel("Email").fill(person.email);
  await page.getByLabel("Password").fill(person.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Cases", exact: true })).toBeVisible();
  return person;
}

/** The address of the link in the newest dev-mailbox email with this subject (signed in as its recipient). */
export async function linkFromMailbox(page: Page, subject: string, pattern: RegExp) {
  let link = "";
  await expect(async () => {
    await page.goto("/dev/mailbox");
    const email = page.getByRole("listitem").filter({ hasText: subject }).first();
    await email.locator("summary").click({ timeout: 1_000 });
    const text = await email.locator("pre").innerText({ timeout: 1_000 });
    link = text.match(pattern)?.[0] ?? "";
    expect(link).not.toBe("");
  }).toPass({ timeout: 20_000 });
  return link;
}

const verificationLink = /https?:\/\/\S+\/api\/auth\/verify-email\?token=[^\s\]]+/;

/**
 * Opens the confirmation link of the sign-up email: reminders go only to a confirmed address.
 * A spec in another language names the email by its link and the banner by its own words.
 */
export async function confirmEmailFromMailbox(
  page: Page,
  words = { email: "Confirm your email address", banner: "Verify your email address" },
) {
  await page.goto(await linkFromMailbox(page, words.email, verificationLink));
  await expect(page.getByRole("region", { name: words.banner })).toHaveCount(0);
}

/**
 * Resolves once the page is hydrated (the app marks <html data-hydrated>) and, when given, once
 * React has claimed that element too (a Suspense boundary hydrates on its own, later): input
 * typed before would be reset.
 */
export async function hydrated(page: Page, element?: Locator) {
  await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
  if (element) {
    await expect
      .poll(() =>
        element.evaluate((node) => Object.keys(node).some((key) => key.startsWith("__reactFiber"))),
      )
      .toBe(true);
  }
}

/** Fails the test with the server's answer unless the call succeeded; returns its data. */
export async function must<T = unknown>(request: APIRequestContext, path: string, input: unknown) {
  const result = await mutate<T>(request, path, input);
  expect(result.status, `${path}: ${result.raw}`).toBe(200);
  return result.data as T;
}

/** Where every page of a signed-in user with some of everything lives (seedEveryPage). */
export interface EveryPageData {
  caseId: string;
  companyId: string;
  longCompanyId: string;
  breachId: string;
}

const longCompanyName =
  "The Extraordinarily Long-Named International Telecommunications and Broadband Company Inc";

/**
 * A user in Toronto with some of everything a page can show: two companies (one with a long
 * name and long channel values, one of them suspicious), a case with contacts, questions, an
 * attachment, a red flag and personal data given, a breach report.
 */
export async function seedEveryPage(request: APIRequestContext): Promise<EveryPageData> {
  await must(request, "settings.update", {
    timeZone: "America/Toronto",
    country: "CA",
    subdivision: "ON",
  });
  const company = await must<{ id: string }>(request, "company.create", {
    name: "Rogers",
    website: "rogers.com",
    country: "CA",
  });
  const phone = await must<{ id: string }>(request, "channel.add", {
    companyId: company.id,
    kind: "phone",
    value: "1 888 764 3771",
    provenance: "bill",
    verified: true,
  });
  await must(request, "channel.add", {
    companyId: company.id,
    kind: "email",
    value: "support@rogers.com",
    provenance: "statement",
    verified: true,
  });
  await must(request, "channel.add", {
    companyId: company.id,
    kind: "web_form",
    value: "https://www.rogers.com/customer/support/contact-us",
    provenance: "official_website",
  });
  const long = await must<{ id: string }>(request, "company.create", {
    name: longCompanyName,
    website: "extraordinarily-long-named-telecommunications.com",
    country: "CA",
  });
  await must(request, "channel.add", {
    companyId: long.id,
    kind: "email",
    value:
      "customer.relations.and.escalations.department@extraordinarily-long-named-telecommunications.com",
    provenance: "statement",
    verified: true,
  });
  await must(request, "channel.add", {
    companyId: long.id,
    kind: "web_form",
    value:
      "https://extraordinarily-long-named-telecommunications.com/support/complaints/escalation-form?step=1&category=billing-and-payments",
    provenance: "official_website",
  });
  // Off the official domain: suspicious, with its warning.
  await must(request, "channel.add", {
    companyId: long.id,
    kind: "email",
    value: "help-desk-escalations@extraordinarily-long-named-telecommunicati0ns-support.com",
    provenance: "other",
  });
  await must(request, "channel.add", {
    companyId: long.id,
    kind: "phone",
    value: "+44 20 7946 0958",
    provenance: "bill",
  });
  const opened = await must<{ id: string }>(request, "case.open", {
    companyId: company.id,
    title: "Charged twice for the same month of internet service after moving apartments",
    description: "The September bill has two charges of $89.99 for the same service period.",
  });
  for (const [text, tier] of [
    ["Which account number is the second charge on?", "need"],
    ["When will the refund reach my card, and will it show as one line or two?", "need"],
    ["Can the moving fee be waived?", "nice"],
  ] as const) {
    await must(request, "question.add", { caseId: opened.id, text, tier });
  }
  const now = Date.now();
  const contact = await must<{ id: string }>(request, "contact.log", {
    caseId: opened.id,
    channelId: phone.id,
    channelKind: "phone",
    startedAt: new Date(now - 3 * 86400_000).toISOString(),
    endedAt: new Date(now - 3 * 86400_000 + 40 * 60_000).toISOString(),
    representativeName: "Priya Sharma-Vandenberghe-Olawale",
    representativeId: "EMP-000-4411-TORONTO-EAST",
    referenceNumber: "TCK-2026-0000-55120-BILLING-DOUBLE-CHARGE",
    notes:
      "They confirmed the double charge and said a refund would follow within 5 business days.",
    outcome: "waiting_company",
    promisedFollowUp: "Refund of $89.99 to the card on file",
    followUpDueAt: new Date(now + 5 * 86400_000).toISOString(),
    disclosures: [{ kind: "address", asked: true, detail: "12 Front St W, Toronto" }],
    redFlags: ["pressure_to_act_now"],
  });
  await must(request, "contact.log", {
    caseId: opened.id,
    channelKind: "phone",
    direction: "inbound",
    startedAt: new Date(now - 86400_000).toISOString(),
    representativeDeclinedName: true,
    referenceNumber: "TCK-55121",
  });
  const upload = await request.post(`/api/contacts/${contact.id}/attachments`, {
    multipart: {
      file: {
        name: "chat-transcript-with-a-rather-long-file-name-from-the-support-site.txt",
        mimeType: "text/plain",
        buffer: Buffer.from("Agent: I see two charges.\nMe: Please refund one.\n"),
      },
    },
  });
  expect(upload.status()).toBe(201);
  await must(request, "privacy.setWillingToShare", {
    companyId: company.id,
    kinds: ["name", "address", "email"],
  });
  const breach = await must<{ id: string }>(request, "privacy.reportBreach", {
    companyId: company.id,
    occurredOn: new Date(now - 30 * 86400_000).toISOString().slice(0, 10),
    source: "An email from the company titled “Important information about your account”",
    note: "Names, addresses and the last four digits of card numbers were taken.",
  });
  return { caseId: opened.id, companyId: company.id, longCompanyId: long.id, breachId: breach.id };
}

/**
 * Tests that share one signed-up user with some of everything (seedEveryPage): made once per
 * worker, so a spec over every page signs up once per worker instead of once per page.
 */
export const testWithEveryPage = test.extend<
  object,
  { everyPage: { data: EveryPageData; storageState: BrowserContextOptions["storageState"] } }
>({
  everyPage: [
    async ({ browser }, use, workerInfo) => {
      const context = await browser.newContext({ baseURL: workerInfo.project.use.baseURL });
      await expect(() => signUpByApi(context.request)).toPass({
        intervals: [2_000],
        timeout: 30_000,
      });
      const data = await seedEveryPage(context.request);
      const storageState = await context.storageState();
      await context.close();
      await use({ data, storageState });
    },
    { scope: "worker", timeout: 90_000 },
  ],
});

/** A form's field messages, not its summary beside Save (which repeats them). */
export const fieldErrors = (scope: Locator | Page) => scope.locator('[role="alert"][id$="-error"]');
