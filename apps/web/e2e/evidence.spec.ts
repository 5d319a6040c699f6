import { expect, test } from "@playwright/test";

import { mutate, signUpByApi } from "./fixtures";

const hour = 3600 * 1000;

test("a person opens the evidence pack of a case, sees who said what, prints it and downloads the PDF", async ({
  page,
  playwright,
  baseURL,
}) => {
  // page.request shares the browser's cookies: signing up through it signs the page in.
  // Sign-up is rate limited per address, so it is retried while the limiter says wait.
  await expect(() => signUpByApi(page.request)).toPass({ intervals: [2_000], timeout: 30_000 });

  const company = await mutate<{ id: string }>(page.request, "company.create", {
    name: "Rogers",
    website: "rogers.com",
    country: "CA",
  });
  expect(company.status).toBe(200);
  const opened = await mutate<{ id: string }>(page.request, "case.open", {
    companyId: company.data!.id,
    title: "Internet outage since Monday",
  });
  expect(opened.status).toBe(200);
  const caseId = opened.data!.id;
  const now = Date.now();
  const call = await mutate(page.request, "contact.log", {
    caseId,
    channelKind: "phone",
    startedAt: new Date(now - 3 * hour).toISOString(),
    endedAt: new Date(now - 3 * hour + 25 * 60_000).toISOString(),
    representativeName: "Priya Sharma",
    representativeId: "R-4411",
    referenceNumber: "TCK-55120",
    outcome: "waiting_company",
    promisedFollowUp: "Call back with the refund decision",
    followUpDueAt: new Date(now + 72 * hour).toISOString(),
  });
  expect(call.status).toBe(200);
  const callback = await mutate(page.request, "contact.log", {
    caseId,
    channelKind: "phone",
    direction: "inbound",
    startedAt: new Date(now - hour).toISOString(),
    representativeDeclinedName: true,
    referenceNumber: "TCK-55121",
  });
  expect(callback.status).toBe(200);

  await page.goto(`/cases/${caseId}/evidence`);
  await expect(
    page.getByRole("heading", { level: 1, name: "Internet outage since Monday" }),
  ).toBeVisible();
  const contacts = page.getByRole("list", { name: "Contacts" }).getByRole("listitem");
  await expect(contacts).toHaveCount(2);
  const first = contacts.nth(0);
  await expect(first).toContainText("Priya Sharma (id R-4411)");
  await expect(first).toContainText("TCK-55120");
  await expect(first).toContainText("Call back with the refund decision");
  const second = contacts.nth(1);
  await expect(second).toContainText("Would not give a name");
  await expect(second).toContainText("TCK-55121");
  await expect(page.getByRole("region", { name: "Summary" })).toContainText(
    "1 made, 1 kept, 0 broken",
  );

  // On paper the buttons go, the dossier stays.
  const printButton = page.getByRole("button", { name: "Print" });
  const download = page.getByRole("link", { name: "Download PDF" });
  await expect(printButton).toBeVisible();
  const pdfUrl = await download.getAttribute("href");
  expect(pdfUrl).toBe(`/api/cases/${caseId}/evidence.pdf`);
  await page.emulateMedia({ media: "print" });
  await expect(printButton).toBeHidden();
  await expect(download).toBeHidden();
  await expect(first).toContainText("TCK-55120");
  await page.emulateMedia({ media: "screen" });

  const pdf = await page.request.get(pdfUrl!);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  // A neutral name: the day it was made, never the case's title.
  expect(pdf.headers()["content-disposition"]).toMatch(
    /^attachment; filename="caseward-evidence-\d{4}-\d{2}-\d{2}\.pdf"$/,
  );
  expect(pdf.headers()["cache-control"]).toBe("private, no-store");
  expect((await pdf.body()).subarray(0, 5).toString("latin1")).toBe("%PDF-");

  // No PDF of a case that is not this person's, nor for someone signed out.
  const unknown = await page.request.get(
    "/api/cases/6f1d3c2a-9b8e-4f7a-8c6d-5e4f3a2b1c0d/evidence.pdf",
  );
  expect(unknown.status()).toBe(404);
  expect((await page.request.get("/api/cases/not-a-case/evidence.pdf")).status()).toBe(404);
  const signedOut = await playwright.request.newContext({ baseURL });
  try {
    const refused = await signedOut.get(pdfUrl!);
    expect(refused.status()).toBe(401);
    expect(await refused.json()).toEqual({ error: "Sign in to continue." });
  } finally {
    await signedOut.dispose();
  }
});
