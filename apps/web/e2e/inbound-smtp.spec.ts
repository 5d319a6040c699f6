// Mail through the real inbound receiver (the e2e server runs it, as `pnpm start` does): the
// person copies their address in Settings, their mail provider delivers a forwarded company
// reply to it over SMTP, and the worker files it into the case.
import { readFileSync } from "node:fs";

import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test } from "@playwright/test";
import nodemailer from "nodemailer";

import { deploymentOf } from "./deployment";
import { fieldErrors, hydrated, linkFromMailbox, mutate, newPerson, signUpByApi } from "./fixtures";

// The user's settings say Toronto; the browser is in Tokyo.
test.use({ timezoneId: "Asia/Tokyo", permissions: ["clipboard-read", "clipboard-write"] });
test.setTimeout(180_000);

const fixtures = new URL("../../../packages/core/src/inbound/fixtures/", import.meta.url);

/** Gmail's way of writing a time in a forward's header, in Toronto: "Sun, Dec 6, 2026 at 9:40 AM". */
function gmailDate(date: Date) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", {
      timeZone: "America/Toronto",
      weekday: "short",
      month: "short",
      day: "numeric",
      year: "numeric",
      hour: "numeric",
      minute: "2-digit",
    })
      .formatToParts(date)
      .map((part) => [part.type, part.value]),
  );
  return `${parts.weekday}, ${parts.month} ${parts.day}, ${parts.year} at ${parts.hour}:${parts.minute} ${parts.dayPeriod}`;
}

/**
 * Gmail's forward of Rogers' reply, as if `from` forwarded it (a new Message-ID each time),
 * written ten minutes ago: after the email it answers.
 */
function forwardedReply(from: string) {
  return readFileSync(new URL("gmail-forward.eml", fixtures), "latin1")
    .replaceAll("sam.tremblay@gmail.com", from)
    .replace("CAH8yC8k2x9Qm=Fwd1@", `CAH8yC8k2x9Qm=Fwd${Date.now()}@`)
    .replaceAll("Tue, Dec 1, 2026 at 10:14=E2=80=AFAM", gmailDate(new Date(Date.now() - 600_000)))
    .replace("Date: Thu, 3 Dec 2026 12:02:05 -0500", `Date: ${new Date().toUTCString()}`);
}

/** Delivers `raw` to the e2e deployment's receiver, as a mail provider would: its reply. */
async function deliver(baseURL: string, raw: string, from: string, to: string) {
  const transport = nodemailer.createTransport({
    host: "127.0.0.1",
    port: deploymentOf(baseURL).inboundPort,
    secure: false,
    ignoreTLS: true,
  });
  try {
    const info = await transport.sendMail({ envelope: { from, to }, raw });
    return String(info.response);
  } finally {
    transport.close();
  }
}

/** A Rogers case waiting on the company: an email sent to it starts the response window. */
async function waitingRogersCase(page: Page) {
  await mutate(page.request, "settings.update", {
    timeZone: "America/Toronto",
    country: "CA",
    subdivision: "ON",
  });
  const company = await mutate<{ id: string }>(page.request, "company.create", {
    name: "Rogers",
    website: "rogers.com",
    country: "CA",
  });
  const opened = await mutate<{ id: string }>(page.request, "case.open", {
    companyId: company.data!.id,
    title: "Billing error on my October invoice",
  });
  await mutate(page.request, "contact.log", {
    caseId: opened.data!.id,
    channelKind: "email",
    direction: "outbound",
    startedAt: new Date(Date.now() - 3600_000).toISOString(),
  });
  return opened.data!.id;
}

/** The address Settings shows, copied with its button. */
async function copiedAddress(page: Page) {
  await page.goto("/settings");
  await hydrated(page);
  await page.getByRole("button", { name: "Copy" }).first().click();
  await expect(page.getByRole("button", { name: "Copied" })).toBeVisible();
  const address = await page.evaluate(() => navigator.clipboard.readText());
  expect(address).toMatch(/^[a-z2-7]{32}@inbound\.localhost$/);
  return address;
}

test("a company's reply forwarded to the Caseward address over SMTP moves the case from waiting on the company to answered", async ({
  page,
  baseURL,
}) => {
  const person = await signUpByApi(page.request, newPerson("Sam Tremblay"));
  const caseId = await waitingRogersCase(page);
  await page.goto(`/cases/${caseId}`);
  await expect(page.getByText("Waiting on company").first()).toBeVisible();

  const to = await copiedAddress(page);
  const answer = await deliver(baseURL!, forwardedReply(person.email), person.email, to);
  expect(answer).toMatch(/^250 /);

  // The worker files it within seconds; the page shows it on its next load.
  await expect(async () => {
    await page.goto(`/cases/${caseId}`);
    await expect(page.getByText("Waiting on me").first()).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 60_000 });
  await expect(
    page.getByText("Email from Rogers Support <support@rogers.com>, forwarded from Gmail."),
  ).toBeVisible();
});

test("another address the person sends from: added in Settings, confirmed by its emailed link, then its forwards are filed", async ({
  page,
  baseURL,
}, testInfo) => {
  const person = await signUpByApi(page.request, newPerson("Sam Tremblay"));
  const caseId = await waitingRogersCase(page);
  const to = await copiedAddress(page);
  const work = `sam.${Date.now()}@work-example.com`;

  const card = page.getByRole("form", { name: "Add an address you send from" });
  await hydrated(page, card);
  await card.getByRole("button", { name: "Send confirmation link" }).click();
  await expect(fieldErrors(card)).toHaveText(["Enter an email address, like name@example.com."]);
  await card.getByLabel("Another address you send from").fill(person.email);
  await card.getByRole("button", { name: "Send confirmation link" }).click();
  await expect(fieldErrors(card)).toHaveText([
    "That is the address you sign in with: mail from it is filed already.",
  ]);
  await card.getByLabel("Another address you send from").fill(work);
  await card.getByRole("button", { name: "Send confirmation link" }).click();
  await expect(card).toContainText(`We sent a link to ${work}.`);
  const list = page.getByRole("list", { name: "Other addresses you send from" });
  await expect(list.getByRole("listitem")).toHaveCount(1);
  await expect(list).toContainText(work);
  await expect(list).toContainText("Waiting for you to open the link we sent");
  await page.screenshot({ path: testInfo.outputPath("sender-addresses-1366.png"), fullPage: true });
  const axe = await new AxeBuilder({ page }).analyze();
  expect(
    axe.violations.filter((v) => ["serious", "critical"].includes(v.impact!)).map((v) => v.id),
  ).toEqual([]);

  // Before it is confirmed, a forward from it waits in the Inbox.
  expect(await deliver(baseURL!, forwardedReply(work), work, to)).toMatch(/^250 /);
  await expect(async () => {
    await page.goto("/inbox");
    await expect(page.getByText("From an address we don't know")).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 60_000 });

  // The link emailed to the new address (the dev mailbox, filed under the account: no SMTP_URL here).
  const link = await linkFromMailbox(
    page,
    "Confirm an address you send from",
    /https?:\/\/\S+\/settings\/sender-address\?token=[A-Za-z0-9_-]+/,
  );
  await page.goto(link);
  await hydrated(page);
  await expect(page.getByText(`Confirm ${work} as an address you send mail from?`)).toBeVisible();
  await page.getByRole("button", { name: "Confirm this address" }).click();
  await expect(page.getByText(`${work} is confirmed.`)).toBeVisible();

  await page.goto("/settings");
  await expect(list).toContainText(work);
  await expect(list).toContainText("Confirmed");
  expect(await deliver(baseURL!, forwardedReply(work), work, to)).toMatch(/^250 /);
  await expect(async () => {
    await page.goto(`/cases/${caseId}`);
    await expect(page.getByText("Waiting on me").first()).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 60_000 });

  // Removed: gone from the list.
  await page.goto("/settings");
  await hydrated(page);
  await list.getByRole("button", { name: `Remove ${work}` }).click();
  await expect(page.getByRole("list", { name: "Other addresses you send from" })).toHaveCount(0);
});
