// Issue 18, finding 9: deleting an account with two-factor on asks for a code from the
// authenticator app as well as the password. The route handler with the real auth library.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { secretOf, totpCode } from "@caseward/auth/testing";
import type { Database } from "@caseward/db";
import { eq } from "@caseward/db";
import { users } from "@caseward/db/schema";
import { afterAll, describe, expect, it, vi } from "vitest";

const fake = vi.hoisted(() => ({ dataDir: "" }));
const baseURL = "http://localhost:3000";

vi.mock("~/env", () => ({
  env: {
    BASE_URL: "http://localhost:3000",
    NODE_ENV: "test",
    QUEUE_PREFIX: "cwtest-delete",
    AUTH_RATE_LIMIT: "off",
    BETTER_AUTH_SECRET: "d".repeat(32),
  },
}));
vi.mock("~/server/db", async () => {
  const { createDatabase } = await import("@caseward/db/client");
  const { inject } = await import("vitest");
  const connection = createDatabase(inject("databaseUrl"), { max: 4 });
  return { db: connection.db, closeDb: connection.close };
});
vi.mock("~/server/redis", async () => {
  const { Redis } = await import("ioredis");
  const { inject } = await import("vitest");
  return { redis: new Redis(inject("redisUrl"), { maxRetriesPerRequest: 1 }) };
});
vi.mock("~/server/auth", async () => {
  const { createAuth } = await import("@caseward/auth");
  const { db } = await import("~/server/db");
  const { redis } = await import("~/server/redis");
  const { inject } = await import("vitest");
  const auth = createAuth({
    db,
    redis,
    baseURL: "http://localhost:3000",
    secret: "d".repeat(32),
    throttle: false,
    redisPrefix: `${inject("queuePrefix")}-delete`,
  });
  return {
    auth,
    readSession: (headers: Headers) => auth.api.getSession({ headers }),
    endSessions: () => Promise.resolve(),
  };
});
vi.mock("~/server/jobs", () => ({ jobs: { remove: () => Promise.resolve(0) } }));
vi.mock("~/server/paths", () => ({
  dataDir: () => fake.dataDir,
  mailboxDir: () => join(fake.dataDir, "mailbox"),
}));

fake.dataDir = mkdtempSync(join(tmpdir(), "caseward-delete-"));
const { db, closeDb } = (await import("~/server/db")) as unknown as {
  db: Database;
  closeDb: () => Promise<void>;
};
const { redis } = await import("~/server/redis");
const { auth } = await import("~/server/auth");
const { POST: deleteRoute } = await import("~/app/api/account/delete/route");

afterAll(async () => {
  await closeDb();
  redis.disconnect();
  rmSync(fake.dataDir, { recursive: true, force: true });
});

const password = "a long and boring passphrase";

/** A signed-in browser: its cookie jar, and requests to the auth API and to a route. */
function browser() {
  const jar = new Map<string, string>();
  const headers = () => ({
    "content-type": "application/json",
    origin: baseURL,
    "sec-fetch-site": "same-origin",
    cookie: [...jar].map(([k, v]) => `${k}=${v}`).join("; "),
  });
  const keep = (response: Response) => {
    for (const line of response.headers.getSetCookie()) {
      const [pair = ""] = line.split(";");
      const name = pair.split("=")[0]!;
      if (/max-age=0\b/i.test(line)) jar.delete(name);
      else jar.set(name, pair.slice(name.length + 1));
    }
    return response;
  };
  return {
    auth: async (path: string, body: object) =>
      keep(
        await auth.handler(
          new Request(`${baseURL}/api/auth${path}`, {
            method: "POST",
            headers: headers(),
            body: JSON.stringify(body),
          }),
        ),
      ),
    deleteAccount: async (body: object) => {
      const response = await deleteRoute(
        new Request(`${baseURL}/api/account/delete`, {
          method: "POST",
          headers: headers(),
          body: JSON.stringify(body),
        }),
      );
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    },
  };
}

async function account({ twoFactor }: { twoFactor: boolean }) {
  const person = browser();
  const email = `${randomBytes(4).toString("hex")}@example.test`;
  const signedUp = await person.auth("/sign-up/email", { name: "Rosa", email, password });
  expect(signedUp.status).toBe(200);
  const { user } = (await signedUp.json()) as { user: { id: string } };
  let secret = "";
  if (twoFactor) {
    const enabled = await person.auth("/two-factor/enable", { password });
    secret = secretOf(((await enabled.json()) as { totpURI: string }).totpURI);
    const confirmed = await person.auth("/two-factor/verify-totp", {
      code: totpCode(secret, Date.now() - 30_000),
    });
    expect(confirmed.status).toBe(200);
  }
  return { person, userId: user.id, secret };
}

const userExists = async (id: string) =>
  (await db.select({ id: users.id }).from(users).where(eq(users.id, id))).length === 1;

describe("deleting an account", () => {
  it("with two-factor on, asks for a right code as well as the password", async () => {
    const { person, userId, secret } = await account({ twoFactor: true });

    const withoutCode = await person.deleteAccount({ password });
    expect(withoutCode).toEqual({
      status: 400,
      body: {
        error: "Enter the 6-digit code from your authenticator app as well.",
        field: "code",
      },
    });
    const right = totpCode(secret);
    const wrong = right === "123456" ? "654321" : "123456";
    expect(await person.deleteAccount({ password, code: wrong })).toEqual({
      status: 400,
      body: { error: "That code is not right. Enter the one your app shows now.", field: "code" },
    });
    // A right code does not make up for a wrong password.
    expect((await person.deleteAccount({ password: "not the password", code: right })).status).toBe(
      400,
    );
    expect(await userExists(userId)).toBe(true);

    const done = await person.deleteAccount({ password, code: right });
    expect(done.status).toBe(200);
    expect(await userExists(userId)).toBe(false);
  });

  it("without two-factor, the password is enough", async () => {
    const { person, userId } = await account({ twoFactor: false });
    expect((await person.deleteAccount({ password })).status).toBe(200);
    expect(await userExists(userId)).toBe(false);
  });
});
