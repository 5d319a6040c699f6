import { randomBytes } from "node:crypto";

import type { APIRequestContext, APIResponse, Locator, Page } from "@playwright/test";
import { expect } from "@playwright/test";

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

/** Opens the confirmation link of the sign-up email: reminders go only to a confirmed address. */
export async function confirmEmailFromMailbox(page: Page) {
  await page.goto(await linkFromMailbox(page, "Confirm your email address", verificationLink));
  await expect(page.getByRole("region", { name: "Verify your email address" })).toHaveCount(0);
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
