import type { Page } from "@playwright/test";
import { expect, test } from "@playwright/test";

import {
  confirmEmailFromMailbox,
  hydrated,
  mutate,
  newPerson,
  query,
  signUpByApi,
} from "./fixtures";

// Every time is on the user's clock (their settings: Toronto), whatever the browser's zone, and
// the page the server wrote is the page the browser hydrates.

const toronto = "America/Toronto";
const day = 86400_000;

/** "2026-11-26": the date in Toronto `offsetDays` from now. */
const torontoDay = (offsetDays: number) =>
  new Intl.DateTimeFormat("en-CA", {
    timeZone: toronto,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(new Date(Date.now() + offsetDays * day));

/** "Thu, Nov 26": how the product writes that date (the year only when it is not this one). */
const writtenDay = (isoDay: string) =>
  new Intl.DateTimeFormat("en-CA", {
    timeZone: "UTC",
    weekday: "short",
    month: "short",
    day: "numeric",
  }).format(new Date(`${isoDay}T12:00:00Z`));
const year = (isoDay: string) => isoDay.slice(0, 4);
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** "Thu, Nov 26(, 2026)?, 5:00 p.m. EST" (EDT in summer): 5 PM on a Toronto clock, named. */
const fivePm = (isoDay: string, { year: withYear = "maybe" }: { year?: "maybe" | "always" } = {}) =>
  new RegExp(
    `${escape(writtenDay(isoDay))}, ${withYear === "always" ? year(isoDay) : `(${year(isoDay)}, )?`}${withYear === "always" ? ", " : ""}5:00 p\\.m\\. E[SD]T`,
  );

/** The UTC instant of 17:00 in Toronto on that day, as an ICS DTSTART. */
function icsFivePm(isoDay: string) {
  const offset = new Intl.DateTimeFormat("en-US", { timeZone: toronto, timeZoneName: "longOffset" })
    .formatToParts(new Date(`${isoDay}T22:00:00Z`))
    .find((part) => part.type === "timeZoneName")!.value; // "GMT-05:00"
  const hours = 17 - Number(offset.slice(3, 6));
  return `DTSTART:${isoDay.replaceAll("-", "")}T${String(hours).padStart(2, "0")}0000Z`;
}

/** Errors the page reports; hydration mismatches (React #418/#423/#425) among them. */
function watchErrors(page: Page) {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(`pageerror: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(`console: ${message.text()}`);
  });
  return {
    hydrationErrors: () =>
      errors.filter(
        (e) => /hydrat|#418|#423|#425|did not match/i.test(e) || e.startsWith("pageerror"),
      ),
  };
}

for (const timezoneId of ["UTC", "Asia/Tokyo"]) {
  test.describe(`a browser on ${timezoneId} time, settings in Toronto`, () => {
    test.use({ timezoneId });

    test(`a person on ${timezoneId} logs a 5 PM contact and a 5 PM promise: the case, the session, the dashboard, the evidence pack, the email and the calendar all say 5:00 p.m. Toronto time`, async ({
      page,
    }) => {
      test.setTimeout(120_000);
      const errors = watchErrors(page);
      await expect(() => signUpByApi(page.request, newPerson("Lea Roy"))).toPass({
        intervals: [2_000],
        timeout: 30_000,
      });
      await confirmEmailFromMailbox(page);
      const saved = await mutate(page.request, "settings.update", {
        timeZone: toronto,
        country: "CA",
        subdivision: "ON",
        quietHoursStart: "00:00",
        quietHoursEnd: "00:00",
        emailEscalations: true,
      });
      expect(saved.status).toBe(200);
      const company = await mutate<{ id: string }>(page.request, "company.create", {
        name: "Videotron",
        website: "videotron.com",
        country: "CA",
      });
      const companyId = company.data!.id;
      for (const channel of [
        { kind: "email", value: "support@videotron.com", provenance: "statement" },
        { kind: "phone", value: "1 888 433 6876", provenance: "bill" },
      ]) {
        await mutate(page.request, "channel.add", { companyId, ...channel, verified: true });
      }
      const opened = await mutate<{ id: string }>(page.request, "case.open", {
        companyId,
        title: "Overbilled since the move",
      });
      const caseId = opened.data!.id;

      // Written ten days ago at 5 PM (typed as 5 PM in the form): long past its answer window.
      const contactDay = torontoDay(-10);
      await page.goto(`/cases/${caseId}`);
      await page.getByRole("button", { name: "Log a past contact" }).click();
      const dialog = page.getByRole("dialog", { name: "Log a past contact" });
      await dialog.getByLabel("Channel").selectOption({ label: "Email: support@videotron.com" });
      const when = dialog.getByLabel("When", { exact: true });
      await expect(when).toHaveAccessibleDescription(/Toronto time \(E[SD]T\)/);
      await when.fill(`${contactDay}T17:00`);
      await dialog.getByRole("button", { name: "Save contact" }).click();
      await expect(dialog).toBeHidden();

      const timeline = page.getByRole("list", { name: "Contacts" });
      await expect(timeline).toContainText(fivePm(contactDay));
      // The time editor shows it back as typed, on Toronto's clock.
      await timeline.getByText("Change the time").click();
      await expect(timeline.getByLabel(/When the contact started/)).toHaveValue(
        `${contactDay}T17:00`,
      );

      // The escalation email says when the user wrote: 5 PM, Toronto time.
      let emailText = "";
      await expect(async () => {
        await page.goto("/dev/mailbox");
        const email = page.getByRole("listitem").filter({ hasText: "Videotron has not answered" });
        await email.locator("summary").click({ timeout: 1_000 });
        emailText = await email.locator("pre").innerText({ timeout: 1_000 });
      }).toPass({ timeout: 45_000 });
      expect(emailText).toMatch(
        new RegExp(
          `Your last contact was on ${escape(writtenDay(contactDay))}, ${year(contactDay)}, 5:00 p\\.m\\. E[SD]T, through Email: support@videotron\\.com\\.`,
        ),
      );
      expect(emailText).toMatch(
        /Answer due: Overdue since \w{3}, \w{3} \d+, \d{4}, \d+:\d{2} [ap]\.m\. E[SD]T\./,
      );
      await expect(page.getByRole("list", { name: "Emails" })).toContainText(/[ap]\.m\. E[SD]T/);

      // A contact session: its start on Toronto's clock, a promise typed as 5 PM in five days.
      const promiseDay = torontoDay(5);
      // Every Intl.DateTimeFormat the page makes is counted: the session writes its times
      // without one while it loads (the first loads ICU's data, ~200 ms of a slow phone).
      await page.addInitScript(() => {
        const counted = window as unknown as { dateFormatsMade: number };
        counted.dateFormatsMade = 0;
        Intl.DateTimeFormat = new Proxy(Intl.DateTimeFormat, {
          construct: (target, args: ConstructorParameters<typeof Intl.DateTimeFormat>) => {
            counted.dateFormatsMade++;
            return new target(...args);
          },
          apply: (target, _this, args: ConstructorParameters<typeof Intl.DateTimeFormat>) => {
            counted.dateFormatsMade++;
            return target(...args);
          },
        });
      });
      await page.goto(`/cases/${caseId}/session`);
      const torontoNow = (ms: number) =>
        new Intl.DateTimeFormat("en-CA", { timeZone: toronto, hour: "numeric", minute: "2-digit" })
          .format(new Date(ms))
          .replace(/[\u00a0\u202f]/g, " ");
      const started = page.getByText(/^Started /);
      await expect(started).toHaveText(/Started \d+:\d{2} [ap]\.m\. E[SD]T/);
      const startedText = (await started.innerText()).replace("Started ", "");
      expect([torontoNow(Date.now()), torontoNow(Date.now() - 60_000)]).toContain(
        startedText.replace(/ E[SD]T$/, ""),
      );
      expect(
        await page.evaluate(
          () => (window as unknown as { dateFormatsMade: number }).dateFormatsMade,
        ),
      ).toBe(0);
      // A call: it starts no answer window of its own, so the promise is the next deadline.
      await page
        .getByRole("radiogroup", { name: "The company's channels" })
        .getByRole("radio", { name: /Phone/ })
        .check();
      await page.getByLabel("Name", { exact: true }).fill("Priya Sharma");
      await page.getByLabel("What did they promise?").fill("Call back with the refund decision");
      const byWhen = page.getByLabel("By when");
      await expect(byWhen).toHaveAccessibleDescription(/Toronto time \(E[SD]T\)/);
      await byWhen.fill(`${promiseDay}T17:00`);
      await page.getByRole("button", { name: "Save contact" }).click();
      await expect(page).toHaveURL(new RegExp(`/cases/${caseId}#contact-`));

      // The case page: the promise and its countdown, in business days, to 5 PM Toronto time.
      await expect(page.getByRole("list", { name: "Contacts" })).toContainText(
        new RegExp(`Call back with the refund decision — by ${fivePm(promiseDay).source}`),
      );
      const deadlines = page.getByRole("region", { name: "Deadlines" });
      await expect(deadlines).toContainText("Promised follow-up");
      await expect(deadlines).toContainText(
        new RegExp(`\\d+ business days? left — ${fivePm(promiseDay).source}`),
      );

      // The escalation email as the case lists it, and when the channels were verified.
      await expect(page.getByRole("list", { name: "Emails about this case" })).toContainText(
        /[ap]\.m\. E[SD]T/,
      );
      await page.goto(`/companies/${companyId}`);
      await expect(page.getByRole("list", { name: "Channels" })).toContainText(
        /verified \w{3}, \w{3} \d+, \d+:\d{2} [ap]\.m\. E[SD]T/,
      );

      // The dashboard row counts down to the same moment, in the same words.
      await page.goto("/");
      const row = page.getByRole("link", { name: /Overbilled since the move/ });
      await expect(row).toContainText(
        new RegExp(`Promised follow-up: \\d+ business days? left — ${fivePm(promiseDay).source}`),
      );

      // The evidence pack (a record: always the year and the zone).
      await page.goto(`/cases/${caseId}/evidence`);
      const contacts = page.getByRole("list", { name: "Contacts" }).getByRole("listitem");
      await expect(contacts.first()).toContainText(fivePm(contactDay, { year: "always" }));
      await expect(contacts.nth(1)).toContainText(
        new RegExp(
          `Call back with the refund decision \\(by ${fivePm(promiseDay, { year: "always" }).source}\\)`,
        ),
      );

      // The calendar feed: the exact instant, and the time written on Toronto's clock.
      const link = await mutate<string>(page.request, "settings.rotateCalendarLink", undefined);
      const feed = (
        await (await page.request.get(`/api/calendar/${link.data}.ics`)).text()
      ).replace(/\r\n /g, "");
      expect(feed).toContain("X-WR-TIMEZONE:America/Toronto");
      expect(feed).toContain(icsFivePm(promiseDay));
      expect(feed).toMatch(
        new RegExp(
          `DESCRIPTION:Promised follow-up: ${escape(writtenDay(promiseDay).replaceAll(",", "\\,"))}\\\\, ${year(promiseDay)}\\\\, 5:00 p\\.m\\. E[SD]T`,
        ),
      );

      // Settings: the devices and the security activity (an export) on Toronto's clock too.
      expect((await page.request.get("/api/account/export")).status()).toBe(200);
      await page.goto("/settings");
      await expect(page.getByRole("list", { name: "Signed-in devices" })).toContainText(
        /[ap]\.m\. E[SD]T/,
      );
      await expect(page.getByRole("table")).toContainText(/[ap]\.m\. E[SD]T/);

      // Reloads of each page: what the server wrote is what the browser hydrated.
      for (const path of ["/", `/cases/${caseId}`, `/cases/${caseId}/session`, "/settings"]) {
        await page.goto(path);
        await hydrated(page);
      }
      expect(errors.hydrationErrors()).toEqual([]);
      const settings = await query<{ timeZone: string }>(page.request, "settings.get");
      expect(settings.data?.timeZone).toBe(toronto);
    });
  });
}

test.describe("a browser in Vancouver", () => {
  test.use({ timezoneId: "America/Vancouver", locale: "en-CA" });

  test("a person signs up: the zone is found from the browser, the province proposed, and both can be changed later from lists with names", async ({
    page,
  }) => {
    const errors = watchErrors(page);
    const person = newPerson("Ines Duarte");
    await page.goto("/sign-up");
    const zone = page.getByLabel("Time zone");
    await expect(zone).toHaveValue("America/Vancouver");
    await expect(zone).toHaveAccessibleDescription(
      /Found from this device: America\/Vancouver \(P[SD]T\)/,
    );
    await expect(page.getByLabel("Country")).toHaveValue("CA");
    await expect(page.getByLabel("Country").locator("option:checked")).toHaveText("Canada");
    await expect(page.getByLabel("Province or state")).toHaveValue("BC");
    await expect(page.getByLabel("Province or state").locator("option:checked")).toHaveText(
      "British Columbia",
    );
    // Another zone proposes its own region.
    await zone.selectOption("America/Halifax");
    await expect(page.getByLabel("Province or state")).toHaveValue("NS");
    await zone.selectOption("America/Vancouver");

    await page.getByLabel("Your name").fill(person.name);
    await page.getByLabel("Email").fill(person.email);
    await page.getByLabel("Password").fill(person.password);
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByRole("heading", { name: "Cases", exact: true })).toBeVisible();
    const saved = await query<{ timeZone: string; country: string; subdivision: string }>(
      page.request,
      "settings.get",
    );
    expect(saved.data).toMatchObject({
      timeZone: "America/Vancouver",
      country: "CA",
      subdivision: "BC",
      emailEscalations: true,
    });

    // Moving: the country and state are picked by name.
    await page.goto("/settings");
    // A select changed before the page is interactive would be reset by hydration.
    const region = page.getByRole("form", { name: "Region" });
    await hydrated(page, region.getByLabel("Time zone"));
    await region.getByLabel("Time zone").selectOption("America/New_York");
    await region.getByLabel("Country").selectOption({ label: "United States" });
    await region.getByLabel("Province or state").selectOption({ label: "New York" });
    await region.getByRole("button", { name: "Save" }).click();
    await expect(region.getByText("Saved.")).toBeVisible();
    await page.reload();
    await expect(region.getByLabel("Country").locator("option:checked")).toHaveText(
      "United States",
    );
    await expect(region.getByLabel("Province or state").locator("option:checked")).toHaveText(
      "New York",
    );
    await expect(region.getByLabel("Time zone")).toHaveAccessibleDescription(
      /This device is on America\/Vancouver time/,
    );
    expect(errors.hydrationErrors()).toEqual([]);
  });
});
