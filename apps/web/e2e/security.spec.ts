import type { Page } from "@playwright/test";
import { expect, test } from "@playwright/test";

import { fieldErrors, mutate, newPerson, signUpByApi, signUpInBrowser } from "./fixtures";

/** CSP violations of the page, from the event and from the console. */
async function watchViolations(page: Page) {
  const console: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to (execute|load|apply)/i.test(message.text())) {
      console.push(message.text());
    }
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener("securitypolicyviolation", (event) => {
      seen.push(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  return async () => ({
    console,
    events: await page.evaluate(
      () => (window as unknown as { cspViolations?: string[] }).cspViolations ?? [],
    ),
  });
}

test("pages come with a nonce CSP and the security headers, and break none of it", async ({
  page,
}) => {
  const violations = await watchViolations(page);
  const response = await page.goto("/sign-up");
  const headers = response!.headers();
  const policy = headers["content-security-policy"] ?? "";
  expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}' 'strict-dynamic'/);
  expect(policy).toContain("frame-ancestors 'none'");
  expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("same-origin");
  expect(headers["permissions-policy"]).toContain("camera=()");
  expect(headers["x-frame-options"]).toBe("DENY");
  // Served over http here: no HSTS.
  expect(headers["strict-transport-security"]).toBeUndefined();

  // The build's scripts, which skip the proxy, are not sniffed either.
  const script = await page.locator("script[src]").first().getAttribute("src");
  const asset = await page.request.get(script!);
  expect(asset.headers()["x-content-type-options"]).toBe("nosniff");

  // A fresh nonce for each page load.
  const again = await page.request.get("/sign-in");
  expect(again.headers()["content-security-policy"]).not.toBe(policy);

  // Hydrated React (scripts ran) through sign-up into the app, and a second page.
  await signUpInBrowser(page, newPerson("Nina Patel"));
  await page.goto("/settings");
  await expect(page.getByRole("heading", { name: "Settings" })).toBeVisible();
  expect(await violations()).toEqual({ console: [], events: [] });
});

test("another site's page cannot write, whatever the route", async ({ request }) => {
  await signUpByApi(request);
  const evil = { origin: "https://evil.example" };
  const trpc = await request.post("/api/trpc/company.create", {
    headers: evil,
    data: { json: { name: "Planted", website: "evil.example" } },
  });
  expect(trpc.status()).toBe(403);
  const auth = await request.post("/api/auth/sign-out", { headers: evil, data: {} });
  expect(auth.status()).toBe(403);
  const upload = await request.delete("/api/attachments/00000000-0000-4000-8000-000000000000", {
    headers: { "sec-fetch-site": "cross-site" },
  });
  expect(upload.status()).toBe(403);
  // The same write from no other site (no Origin: not a browser page) goes through.
  const own = await mutate(request, "company.create", { name: "Own", website: "rbc.com" });
  expect(own.status).toBe(200);
  const list = await request.get("/api/trpc/company.list");
  expect(await list.text()).not.toContain("Planted");
});

test("the session cookie is HttpOnly and SameSite=Lax", async ({ request }) => {
  await signUpByApi(request);
  const { cookies } = await request.storageState();
  const session = cookies.find((cookie) => cookie.name === "better-auth.session_token");
  expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
});

test("sign-up says which password rule is not met", async ({ page }) => {
  await page.goto("/sign-up");
  await page.getByLabel("Your name").fill("Omar");
  await page.getByLabel("Email").fill(newPerson("Omar Haddad").email);
  await page.getByLabel("Password").fill("too short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(fieldErrors(page)).toHaveText("Use at least 12 characters.");

  await page.getByLabel("Password").fill("1qaz2wsx3edc");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText(/among the 10,000 most common/).first()).toBeVisible();
  await expect(page).toHaveURL(/\/sign-up$/);
});
