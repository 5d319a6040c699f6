// A CSV export whose query is refused says why in the request's language: the insights table
// choice from the Api catalogue, the other filters as the Validation catalogue says them.
import { createTestUser } from "@caseward/core/testing";
import type { Locale } from "@caseward/core/i18n";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import { mockServerModules, sessionOf } from "~/testing/server";

const { fake, db, closeDb } = await mockServerModules();
// The request's language (the user's setting in the app; next/headers has no request here).
const request = { locale: "en" as Locale };
vi.doMock("~/i18n/request", () => ({ requestLocale: () => Promise.resolve(request.locale) }));
const insightsRoute = await import("~/app/api/exports/insights.csv/route");
const contactsRoute = await import("~/app/api/exports/contacts.csv/route");

beforeAll(async () => {
  fake.sessions.set("owner", sessionOf(await createTestUser(db, "Olga Exporter")));
});

afterAll(async () => {
  await closeDb();
});

async function get(route: { GET: (req: Request) => Promise<Response> }, path: string) {
  const response = await route.GET(
    new Request(`http://localhost:3000/api/exports/${path}`, {
      headers: { "x-test-user": "owner" },
    }),
  );
  return { status: response.status, body: (await response.json()) as unknown };
}

describe("a refused CSV export", () => {
  it.each([
    ["en", "Choose a table: months, companies or deadlines."],
    ["fr-CA", "Choisissez un tableau : mois, entreprises ou échéances."],
  ] as const)("an unknown insights table, in %s", async (locale, sentence) => {
    request.locale = locale;
    expect(await get(insightsRoute, "insights.csv?table=weeks")).toEqual({
      status: 400,
      body: { error: sentence },
    });
  });

  it.each([
    ["en", "Choose a period."],
    ["fr-CA", "Choisissez une période."],
  ] as const)("an unknown period, in %s", async (locale, sentence) => {
    request.locale = locale;
    expect(await get(insightsRoute, "insights.csv?period=forever")).toEqual({
      status: 400,
      body: { error: sentence },
    });
  });

  it("a contacts date in French", async () => {
    request.locale = "fr-CA";
    const answer = await get(contactsRoute, "contacts.csv?from=yesterday");
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({ error: expect.stringMatching(/^Entrez une date/) as unknown });
  });

  it("a known table is exported", async () => {
    request.locale = "fr-CA";
    const response = await insightsRoute.GET(
      new Request("http://localhost:3000/api/exports/insights.csv?table=companies", {
        headers: { "x-test-user": "owner" },
      }),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
  });
});
