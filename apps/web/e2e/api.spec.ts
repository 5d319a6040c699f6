import { expect, test } from "@playwright/test";

import { mutate, query, signUpByApi } from "./fixtures";

test("health reports Postgres and Redis", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({
    status: "ok",
    postgres: { ok: true },
    redis: { ok: true },
  });
});

test("an anonymous caller gets 401 and no data", async ({ request }) => {
  const list = await query(request, "dashboard.cases", {});
  expect(list.status).toBe(401);
  expect(list.error?.data.code).toBe("UNAUTHORIZED");
  const create = await mutate(request, "company.create", { name: "X", website: "x.com" });
  expect(create.status).toBe(401);
});

test("bad input gets 400 with a message per field and stores nothing", async ({ request }) => {
  await signUpByApi(request);
  const bad = await mutate(request, "company.create", {
    name: "",
    website: "javascript:alert(1)",
    country: "Canada",
  });
  expect(bad.status).toBe(400);
  expect(Object.keys(bad.error?.data.fieldErrors ?? {}).sort()).toEqual([
    "country",
    "name",
    "website",
  ]);

  const malformed = await request.post("/api/trpc/company.create", {
    headers: { "content-type": "application/json" },
    data: "{not json",
  });
  expect(malformed.status()).toBeGreaterThanOrEqual(400);
  expect(malformed.status()).toBeLessThan(500);

  const huge = await mutate(request, "company.create", {
    name: "A".repeat(2_000_000),
    website: "x.com",
  });
  expect(huge.status).toBe(413);

  const badId = await query(request, "case.byId", { caseId: "not-a-uuid" });
  expect(badId.status).toBe(400);
  expect(badId.error?.data.fieldErrors?.caseId).toEqual(["Unknown case."]);

  const list = await query(request, "company.list");
  expect(list.data).toEqual([]);
});

test("another user's ids answer 404 and never their data", async ({ playwright, baseURL }) => {
  const alice = await playwright.request.newContext({ baseURL });
  const mallory = await playwright.request.newContext({ baseURL });
  await signUpByApi(alice);
  await signUpByApi(mallory);

  const company = await mutate<{ id: string }>(alice, "company.create", {
    name: "Alice's Bank",
    website: "rbc.com",
    country: "CA",
  });
  const companyId = company.data!.id;
  const opened = await mutate<{ id: string }>(alice, "case.open", {
    companyId,
    title: "Disputed charge of $412",
  });
  const caseId = opened.data!.id;

  const attempts = [
    await query(mallory, "company.byId", { companyId }),
    await query(mallory, "case.byId", { caseId }),
    await mutate(mallory, "case.open", { companyId, title: "Hijack attempt" }),
    await mutate(mallory, "channel.add", {
      companyId,
      kind: "email",
      value: "x@rbc.com",
      provenance: "other",
    }),
    await mutate(mallory, "contact.log", {
      caseId,
      channelKind: "phone",
      startedAt: new Date().toISOString(),
    }),
  ];
  for (const attempt of attempts) {
    expect(attempt.status).toBe(404);
    expect(attempt.raw).not.toContain("Disputed charge");
  }
  const malloryCases = await query<{ total: number }>(mallory, "dashboard.cases", {});
  expect(malloryCases.data?.total).toBe(0);
  const search = await query<{ total: number }>(mallory, "dashboard.cases", { q: "Disputed" });
  expect(search.data?.total).toBe(0);
  const aliceCase = await query<{ contacts: unknown[] }>(alice, "case.byId", { caseId });
  expect(aliceCase.data?.contacts).toEqual([]);
  await alice.dispose();
  await mallory.dispose();
});

test("the calendar feed lists pending deadlines at a secret URL that can be revoked", async ({
  request,
}) => {
  await signUpByApi(request);
  const company = await mutate<{ id: string }>(request, "company.create", {
    name: "Air Canada",
    website: "aircanada.com",
  });
  const opened = await mutate<{ id: string }>(request, "case.open", {
    companyId: company.data!.id,
    title: "Refund for flight AC 123",
  });
  const logged = await mutate(request, "contact.log", {
    caseId: opened.data!.id,
    channelKind: "email",
    startedAt: new Date().toISOString(),
  });
  expect(logged.status).toBe(200);
  const link = await mutate<string>(request, "settings.rotateCalendarLink", undefined);
  const feed = await request.get(`/api/calendar/${link.data}.ics`);
  expect(feed.status()).toBe(200);
  expect(feed.headers()["content-type"]).toContain("text/calendar");
  const body = await feed.text();
  expect(body).toContain("BEGIN:VEVENT");
  expect(body).toContain("Refund for flight AC 123");

  await mutate(request, "settings.revokeCalendarLink", undefined);
  expect((await request.get(`/api/calendar/${link.data}.ics`)).status()).toBe(404);
  expect((await request.get("/api/calendar/not-a-token.ics")).status()).toBe(404);
});
