// Issue 20: a refusal reaches the user in their language — the signed-in user's setting, else
// the sign-in page's choice (its cookie), else Accept-Language — through the tRPC route handler.
import { join } from "node:path";

import { createTestUser } from "@caseward/core/testing";
import type { Database } from "@caseward/db";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

const fake = vi.hoisted(() => ({
  dataDir: "",
  sessions: new Map<string, unknown>(),
}));

vi.mock("~/env", () => ({
  env: {
    BASE_URL: "http://localhost:3000",
    NODE_ENV: "test",
    QUEUE_PREFIX: "cwtest",
    UPLOAD_QUOTA_MB: 1024,
    INBOUND_DOMAIN: "inbound.localhost",
  },
}));
vi.mock("~/server/db", async () => {
  const { createDatabase } = await import("@caseward/db/client");
  const { inject } = await import("vitest");
  const connection = createDatabase(inject("databaseUrl"), { max: 4 });
  return { db: connection.db, closeDb: connection.close };
});
vi.mock("~/server/auth", () => ({
  readSession: (headers: Headers) =>
    Promise.resolve(fake.sessions.get(headers.get("x-test-user") ?? "") ?? null),
  endSessions: () => Promise.resolve(),
}));
vi.mock("~/server/jobs", () => ({
  scheduleTimers: () => Promise.resolve(),
  jobs: { enqueue: () => Promise.resolve() },
}));
vi.mock("~/server/redis", () => {
  const redis = { ping: () => Promise.resolve("PONG") };
  return { redis, redisProbe: redis };
});
vi.mock("~/server/paths", () => ({
  dataDir: () => fake.dataDir,
  mailboxDir: () => join(fake.dataDir, "mailbox"),
}));

const { db, closeDb } = (await import("~/server/db")) as unknown as {
  db: Database;
  closeDb: () => Promise<void>;
};
const trpcRoute = await import("~/app/api/trpc/[trpc]/route");

function sessionOf(user: { id: string; name: string; email: string }) {
  const now = new Date();
  return {
    user: { ...user, emailVerified: true, image: null, createdAt: now, updatedAt: now },
    session: { id: `s-${user.id}`, userId: user.id, token: `t-${user.id}`, expiresAt: now },
  };
}

const base = "http://localhost:3000/api/trpc";
const headersOf = (who: string) => ({
  "content-type": "application/json",
  origin: "http://localhost:3000",
  "sec-fetch-site": "same-origin",
  "x-test-user": who,
});

async function mutate(path: string, input: unknown, who = "owner") {
  const response = await trpcRoute.POST(
    new Request(`${base}/${path}`, {
      method: "POST",
      headers: headersOf(who),
      body: JSON.stringify({ json: input }),
    }),
  );
  return { status: response.status, text: await response.text() };
}

const messageOf = (text: string) =>
  (JSON.parse(text) as { error: { json: { message: string } } }).error.json.message;

const dataOf = (text: string) =>
  (
    JSON.parse(text) as {
      error: { json: { data: { fieldErrors: Record<string, string[]> | null } } };
    }
  ).error.json.data.fieldErrors;

beforeAll(async () => {
  const { updateSettings } = await import("@caseward/core");
  const english = await createTestUser(db, "Ada Anglais");
  const french = await createTestUser(db, "Fanny Français");
  fake.sessions.set("english", sessionOf(english));
  fake.sessions.set("french", sessionOf(french));
  await updateSettings(db, french.id, {
    timeZone: "America/Toronto",
    country: "CA",
    subdivision: "QC",
    locale: "fr-CA",
  });
});

afterAll(async () => {
  await closeDb();
});

describe("refusals in the user's language", () => {
  it.each([
    ["english", "Some fields need attention.", "Say in a few words what the problem is."],
    ["french", "Certains champs sont à vérifier.", "Décrivez le problème en quelques mots."],
  ])("a bad input for %s", async (who, message, titleError) => {
    const answer = await mutate(
      "case.open",
      { companyId: "00000000-0000-4000-8000-000000000000", title: "x" },
      who,
    );
    expect(answer.status).toBe(400);
    expect(messageOf(answer.text)).toBe(message);
    expect(dataOf(answer.text)?.title).toEqual([titleError]);
  });

  it.each([
    ["english", "Company not found."],
    ["french", "Entreprise introuvable."],
  ])("a refusal of the domain for %s", async (who, message) => {
    const answer = await mutate(
      "case.open",
      { companyId: "00000000-0000-4000-8000-000000000000", title: "Refund" },
      who,
    );
    expect(answer.status).toBe(404);
    expect(messageOf(answer.text)).toBe(message);
  });

  it.each([
    [{}, "Sign in to continue."],
    [{ "accept-language": "fr-CA,fr;q=0.9,en;q=0.5" }, "Connectez-vous pour continuer."],
    [{ "accept-language": "fr-CA", cookie: "locale=en" }, "Sign in to continue."],
  ])("before sign-in, headers %j", async (headers, message) => {
    const response = await trpcRoute.POST(
      new Request(`${base}/case.open`, {
        method: "POST",
        headers: { ...headersOf("nobody"), ...headers },
        body: JSON.stringify({
          json: { companyId: "00000000-0000-4000-8000-000000000000", title: "Refund" },
        }),
      }),
    );
    expect(response.status).toBe(401);
    expect(messageOf(await response.text())).toBe(message);
  });
});
