import { randomBytes } from "node:crypto";

import type { APIRequestContext, Page } from "@playwright/test";
import { expect } from "@playwright/test";

export const password = "a long and boring passphrase";

export function newPerson(name = "Maya Chen") {
  return { name, email: `${name.split(" ")[0]!.toLowerCase()}-${randomBytes(4).toString("hex")}@example.test`, password };
}

/** Signs up through the auth API; the request context keeps the session cookie. */
export async function signUpByApi(request: APIRequestContext, person = newPerson()) {
  const response = await request.post("/api/auth/sign-up/email", { data: person });
  expect(response.status()).toBe(200);
  return person;
}

/** Calls a tRPC mutation the way the browser does (superjson envelope). */
export async function mutate(request: APIRequestContext, path: string, input: unknown) {
  const response = await request.post(`/api/trpc/${path}`, { data: { json: input } });
  return { status: response.status(), body: (await response.json()) as Record<string, any> };
}

export async function query(request: APIRequestContext, path: string, input?: unknown) {
  const search = input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
  const response = await request.get(`/api/trpc/${path}${search}`);
  return { status: response.status(), body: (await response.json()) as Record<string, any> };
}

export async function signUpInBrowser(page: Page, person = newPerson()) {
  await page.goto("/sign-up");
  await page.getByLabel("Your name").fill(person.name);
  await page.getByLabel("Email").fill(person.email);
  await page.getByLabel("Password").fill(person.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Open cases" })).toBeVisible();
  return person;
}
