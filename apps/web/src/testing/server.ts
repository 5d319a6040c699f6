// The web app's server modules as the route-handler and tRPC tests run them: the real Postgres
// of the test run, a session given by the request's `x-test-user` header, and no Redis, job
// queue or mail. Call `mockServerModules()` at the top of a test file, before it imports
// anything under `~/` (those imports must be dynamic: `await import("~/…")`).
import { join } from "node:path";

import type { Database } from "@caseward/db";
import { inject, vi } from "vitest";

export interface FakeServer {
  /** The data folder (uploads, mailbox) a test makes in its `beforeAll`. */
  dataDir: string;
  /** Sessions by the `x-test-user` header of a request. */
  sessions: Map<string, unknown>;
}

/**
 * Replaces `~/env`, `~/server/db`, `~/server/auth`, `~/server/jobs`, `~/server/redis` and
 * `~/server/paths` for the next imports, and gives the test's database and the fake's state.
 */
export async function mockServerModules() {
  const fake: FakeServer = { dataDir: "", sessions: new Map() };
  vi.doMock("~/env", () => ({
    env: {
      BASE_URL: "http://localhost:3000",
      NODE_ENV: "test",
      QUEUE_PREFIX: "cwtest",
      UPLOAD_QUOTA_MB: 1024,
      INBOUND_DOMAIN: "inbound.localhost",
    },
  }));
  vi.doMock("~/server/db", async () => {
    const { createDatabase } = await import("@caseward/db/client");
    const connection = createDatabase(inject("databaseUrl"), { max: 4 });
    return { db: connection.db, closeDb: connection.close };
  });
  // Sign-in itself is tested in packages/auth/src/auth-config.test.ts; here a request's
  // session is given.
  vi.doMock("~/server/auth", () => ({
    // The emails a procedure asks for (a sender address's link) are not sent here.
    accountEmails: { senderAddress: () => undefined },
    readSession: (headers: Headers) =>
      Promise.resolve(fake.sessions.get(headers.get("x-test-user") ?? "") ?? null),
    // Sessions have no Redis copy here: ending one is deleting its row.
    endSessions: () => Promise.resolve(),
  }));
  vi.doMock("~/server/jobs", () => ({
    scheduleTimers: () => Promise.resolve(),
    jobs: { enqueue: () => Promise.resolve() },
  }));
  vi.doMock("~/server/redis", () => {
    const redis = { ping: () => Promise.resolve("PONG") };
    return { redis, redisProbe: redis };
  });
  vi.doMock("~/server/paths", () => ({
    dataDir: () => fake.dataDir,
    mailboxDir: () => join(fake.dataDir, "mailbox"),
  }));
  const { db, closeDb } = (await import("~/server/db")) as unknown as {
    db: Database;
    closeDb: () => Promise<void>;
  };
  return { fake, db, closeDb };
}

/** A signed-in session of a user, as `readSession` gives it. */
export function sessionOf(user: { id: string; name: string; email: string }) {
  const now = new Date();
  return {
    user: { ...user, emailVerified: true, image: null, createdAt: now, updatedAt: now },
    session: { id: `s-${user.id}`, userId: user.id, token: `t-${user.id}`, expiresAt: now },
  };
}

interface RouteHandler {
  GET: (request: Request) => Promise<Response>;
  POST: (request: Request) => Promise<Response>;
}

/** Calls of the tRPC route handler as HTTP requests of the user whose `x-test-user` is `who`. */
export function trpcOverHttp(route: RouteHandler) {
  const base = "http://localhost:3000/api/trpc";
  const headersOf = (who: string) => ({
    "content-type": "application/json",
    origin: "http://localhost:3000",
    "sec-fetch-site": "same-origin",
    "x-test-user": who,
  });

  async function mutate(path: string, input: unknown, who = "owner") {
    const response = await route.POST(
      new Request(`${base}/${path}`, {
        method: "POST",
        headers: headersOf(who),
        body: JSON.stringify({ json: input }),
      }),
    );
    return { status: response.status, text: await response.text() };
  }

  async function query(path: string, input: unknown, who = "owner") {
    const encoded = encodeURIComponent(JSON.stringify({ json: input }));
    const response = await route.GET(
      new Request(`${base}/${path}?input=${encoded}`, { headers: headersOf(who) }),
    );
    return { status: response.status, text: await response.text() };
  }

  return { base, headersOf, mutate, query };
}

/** The message of a tRPC error answer's body. */
export const messageOf = (text: string) =>
  (JSON.parse(text) as { error: { json: { message: string } } }).error.json.message;

/** The field errors of a tRPC error answer's body (null where the refusal names no field). */
export const fieldErrorsOf = (text: string) =>
  (
    JSON.parse(text) as {
      error: { json: { data: { fieldErrors: Record<string, string[]> | null } } };
    }
  ).error.json.data.fieldErrors;
