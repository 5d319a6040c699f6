// The pages in brotli (src/server/brotli-responses.mjs): the browser, which accepts br, gets
// each document and RSC payload in brotli, compressed as Next streams it, and the pages render
// and work; a client that accepts gzip only gets Next's gzip as before.
import type { Response } from "@playwright/test";
import { expect, test } from "@playwright/test";

import { hydrated, newPerson, signUpByApi } from "./fixtures";

test("the browser gets the pages in brotli, signs in and sees its cases", async ({ page }) => {
  const person = await signUpByApi(page.request, newPerson("Ines Moreau"));
  await page.context().clearCookies();
  const answers: Response[] = [];
  page.on("response", (response) => answers.push(response));

  await page.goto("/sign-in");
  const form = page.locator("form").filter({ has: page.getByLabel("Email") });
  await hydrated(page, form);
  await page.getByLabel("Email").fill(person.email);
  await page.getByLabel("Password", { exact: true }).fill(person.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Cases", exact: true })).toBeVisible();
  // The dashboard as a document too (sign-in reached it through an RSC payload).
  await page.reload();
  await hydrated(page);
  await expect(page.getByRole("heading", { name: "Cases", exact: true })).toBeVisible();

  const documents = answers.filter((answer) => answer.request().resourceType() === "document");
  expect(documents.map((answer) => new URL(answer.url()).pathname)).toEqual(["/sign-in", "/"]);
  for (const document of documents) {
    const headers = await document.allHeaders();
    expect(await document.request().headerValue("accept-encoding")).toContain("br");
    expect(headers["content-encoding"], document.url()).toBe("br");
    expect(headers["content-length"], document.url()).toBeUndefined();
    expect(headers.vary, document.url()).toMatch(/accept-encoding/i);
  }
  const payloads = answers.filter((answer) =>
    answer.headers()["content-type"]?.startsWith("text/x-component"),
  );
  expect(payloads.length).toBeGreaterThan(0);
  for (const payload of payloads) {
    expect((await payload.allHeaders())["content-encoding"], payload.url()).toBe("br");
  }
});

test("a client that takes gzip only gets Next's gzip; the health check answers either", async ({
  request,
}) => {
  await signUpByApi(request, newPerson("Tomas Lind"));
  const gzip = await request.get("/", { headers: { "accept-encoding": "gzip" } });
  expect(gzip.headers()["content-encoding"]).toBe("gzip");
  const br = await request.get("/", { headers: { "accept-encoding": "gzip, br" } });
  expect(br.headers()["content-encoding"]).toBe("br");
  // The same page once decoded (Playwright decodes both), bar React's per-request ids.
  const title = (html: string) => /<title>[^<]*<\/title>/.exec(html)?.[0];
  expect(title(await br.text())).toBe(title(await gzip.text()));
  expect(title(await br.text())).toBeTruthy();

  for (const acceptEncoding of ["br", "gzip", "identity"]) {
    const health = await request.get("/api/health", {
      headers: { "accept-encoding": acceptEncoding },
    });
    expect(health.status(), acceptEncoding).toBe(200);
    expect(((await health.json()) as { status: string }).status, acceptEncoding).toBe("ok");
  }
});
