import { mkdirSync, readFileSync } from "node:fs";

import AxeBuilder from "@axe-core/playwright";
import type { DnsResolver } from "@caseward/core";
import {
  dnsTable,
  fileInboundMessage,
  getInboundAddress,
  storeInboundMessage,
} from "@caseward/core";
import { eq } from "@caseward/db";
import { createDatabase } from "@caseward/db/client";
// Not a React hook: it registers the key ring this process encrypts with.
import { parseKeyRing, useKeyRing as registerKeyRing } from "@caseward/db/encryption";
import { users } from "@caseward/db/schema";
import type { Page } from "@playwright/test";
import { expect, test } from "@playwright/test";

import { deploymentOf } from "./deployment";
import { mutate, newPerson, signUpByApi } from "./fixtures";

// The user's settings say Toronto; the browser is in Tokyo: every time shown is Toronto's.
test.use({ timezoneId: "Asia/Tokyo" });

const fixtures = new URL("../../../packages/core/src/inbound/fixtures/", import.meta.url);
/** A mail client's real output, written as if this test's person had sent or forwarded it. */
const fixture = (name: string, email: string) =>
  readFileSync(new URL(name, fixtures), "latin1").replaceAll("sam.tremblay@gmail.com", email);

const shots = process.env.E2E_SCREENSHOTS ?? "test-results/inbox-screens";

/**
 * Mail that came in to the person's Caseward address, stored and filed as the receiver and the
 * worker do (the receiver itself is tested in apps/inbound).
 */
async function receive(baseURL: string, email: string, raw: string, resolver?: DnsResolver) {
  const deployment = deploymentOf(baseURL);
  registerKeyRing(parseKeyRing(deployment.encryptionKeys));
  const connection = createDatabase(deployment.databaseUrl, { max: 1 });
  try {
    const [user] = await connection.db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.email, email));
    const address = await getInboundAddress(connection.db, user!.id);
    const stored = await storeInboundMessage(connection.db, {
      ownerId: user!.id,
      addressId: address.id,
      caseId: null,
      envelopeFrom: "",
      smtpClient: { ip: "203.0.113.9", helo: "mx.elsewhere.test" },
      messageId: /^message-id:\s*(.+)$/im.exec(raw)?.[1]?.trim() ?? null,
      raw: Buffer.from(raw, "latin1"),
    });
    return await fileInboundMessage(connection.db, stored.id, {
      receivingDomain: "inbound.localhost",
      resolver,
    });
  } finally {
    await connection.close();
  }
}

/** What axe finds serious or critical on the page, one line each. */
async function seriousAxeViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

async function rogersWithTwoCases(page: Page) {
  const company = await mutate<{ id: string }>(page.request, "company.create", {
    name: "Rogers",
    website: "rogers.com",
    country: "CA",
  });
  const billing = await mutate<{ id: string }>(page.request, "case.open", {
    companyId: company.data!.id,
    title: "Billing error on my October invoice",
  });
  await mutate(page.request, "case.open", {
    companyId: company.data!.id,
    title: "Internet outage since Monday",
  });
  return { companyId: company.data!.id, billingId: billing.data!.id };
}

test("mail we could not place waits in the Inbox: file one into its case, discard the other", async ({
  page,
  baseURL,
}) => {
  // Two screen sizes, two axe runs and a filing: more than the default minute on a busy machine.
  test.setTimeout(180_000);
  const person = await signUpByApi(page.request, newPerson("Sam Tremblay"));
  const { billingId } = await rogersWithTwoCases(page);
  // Two open Rogers cases: the forwarded reply waits for the person to choose.
  const reply = await receive(baseURL!, person.email, fixture("gmail-forward.eml", person.email));
  expect(reply?.inboxReason).toBe("several_cases");
  // Someone else's address: never filed on its own.
  const stranger = await receive(
    baseURL!,
    person.email,
    fixture("lookalike-forward.eml", "stranger@example.com"),
  );
  expect(stranger?.inboxReason).toBe("unknown_sender");

  await page.setViewportSize({ width: 1366, height: 900 });
  await page.goto("/inbox");
  await expect(page.getByRole("heading", { name: "Inbox", exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: /Inbox 2 emails to file/ })).toBeVisible();
  const rogers = page.getByRole("listitem").filter({ hasText: "Your Rogers case #CS-48213" });
  await expect(rogers).toContainText("Rogers Support <support@rogers.com>");
  await expect(rogers).toContainText("Several open cases with this company");
  // Tue, Dec 1, 10:14 in Toronto (00:14 the next day in Tokyo, the browser's zone).
  await expect(rogers.locator("time")).toContainText("Dec 1");
  await expect(rogers.locator("time")).toContainText("10:14");
  const unknown = page.getByRole("listitem").filter({ hasText: "Urgent: confirm your identity" });
  await expect(unknown).toContainText("From an address we don't know");
  await expect(unknown).toContainText("stranger@example.com");

  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: `${shots}/inbox-1366x900.png`, fullPage: true });
  expect(await seriousAxeViolations(page)).toEqual([]);
  await page.setViewportSize({ width: 360, height: 740 });
  await page.screenshot({ path: `${shots}/inbox-360x740.png`, fullPage: true });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  expect(await seriousAxeViolations(page)).toEqual([]);
  await page.setViewportSize({ width: 1366, height: 900 });

  await rogers.getByLabel("File into").selectOption(billingId);
  await rogers.getByRole("button", { name: "File it" }).click();
  await page.waitForURL(`**/cases/${billingId}`);
  await expect(
    page.getByText("Email from Rogers Support <support@rogers.com>, forwarded from Gmail."),
  ).toBeVisible();

  await page.goto("/inbox");
  await expect(page.getByRole("link", { name: /Inbox 1 email to file/ })).toBeVisible();
  await page.getByRole("button", { name: "Discard “Urgent: confirm your identity”" }).click();
  await expect(page.getByText("Nothing to file")).toBeVisible();
  await expect(page.getByRole("link", { name: "Inbox", exact: true })).toBeVisible();
});

test("an email that only claims to come from the person waits in the Inbox and says why", async ({
  page,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const person = await signUpByApi(page.request, newPerson("Sam Tremblay"));
  await rogersWithTwoCases(page);
  // The person's domain asks to reject mail that fails DMARC; this one comes unsigned from a
  // server SPF does not list (the DNS is a table: it is outside Caseward).
  const forged = await receive(
    baseURL!,
    person.email,
    fixture("gmail-forward.eml", person.email),
    dnsTable({ [`_dmarc.${person.email.split("@")[1]}`]: ["v=DMARC1; p=reject"] }),
  );
  expect(forged?.inboxReason).toBe("unconfirmed_sender");

  await page.setViewportSize({ width: 1366, height: 900 });
  await page.goto("/inbox");
  const held = page.getByRole("listitem").filter({ hasText: "Your Rogers case #CS-48213" });
  await expect(held).toContainText("We could not confirm this email came from you");
  await expect(held).toContainText("File it only if you sent it yourself.");
  await expect(held).toContainText(person.email);
  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: `${shots}/inbox-held-1366x900.png`, fullPage: true });
  await page.setViewportSize({ width: 360, height: 740 });
  await page.screenshot({ path: `${shots}/inbox-held-360x740.png`, fullPage: true });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  expect(await seriousAxeViolations(page)).toEqual([]);
});

test("an email saved from a mail program and dropped on a case is filed there", async ({
  page,
}) => {
  const person = await signUpByApi(page.request, newPerson("Sam Tremblay"));
  const { billingId } = await rogersWithTwoCases(page);
  await page.goto(`/cases/${billingId}`);
  const eml = fixture("apple-mail-forward.eml", person.email).replaceAll(
    "sam.tremblay@icloud.com",
    person.email,
  );
  const dataTransfer = await page.evaluateHandle((text) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([text], "Rogers reply.eml", { type: "message/rfc822" }));
    return transfer;
  }, eml);
  await page.getByTestId("email-drop").dispatchEvent("drop", { dataTransfer });
  await expect(page.getByText("The email is filed in this case.")).toBeVisible();
  await expect(
    page.getByText("Email from Rogers Support <support@rogers.com>, forwarded from Apple Mail."),
  ).toBeVisible();

  // The same email again: already filed, said plainly.
  await page
    .getByLabel("Choose an email file (.eml) to file in this case")
    .setInputFiles({ name: "again.eml", mimeType: "message/rfc822", buffer: Buffer.from(eml) });
  await expect(page.getByText("This email is already filed.")).toBeVisible();
});
