import { randomBytes } from "node:crypto";

// Renamed: the React rules of hooks would read `use…` as a hook.
import { useTestDatabase as testDatabase } from "@caseward/core/testing";
import { eq } from "@caseward/db";
import { sessions } from "@caseward/db/schema";
import { Redis } from "ioredis";
import { afterAll, describe, expect, inject, it } from "vitest";

import { createAuth } from "./auth-config";
import { keyedHash } from "./auth-throttle";
import { sessionSeal } from "./session-storage";

const baseURL = "http://localhost:3000";
const redisPrefix = `${inject("queuePrefix")}-sessions-${randomBytes(3).toString("hex")}`;
const secret = "x".repeat(32);
const storeKey = (token: string) => `${redisPrefix}:auth:store:${keyedHash(secret, token)}`;
const redis = new Redis(inject("redisUrl"), { maxRetriesPerRequest: 1 });
const db = testDatabase();
const auth = createAuth({
  db,
  redis,
  baseURL,
  secret,
  throttle: false,
  redisPrefix,
});

afterAll(async () => {
  const keys = await redis.keys(`${redisPrefix}:*`);
  if (keys.length > 0) await redis.del(...keys);
  await redis.quit();
});

async function signIn(email: string, password: string, signUp = false) {
  const response = await auth.handler(
    new Request(`${baseURL}/api/auth/${signUp ? "sign-up" : "sign-in"}/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: baseURL },
      body: JSON.stringify({ name: "Maya", email, password }),
    }),
  );
  expect(response.status).toBe(200);
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const token = /better-auth\.session_token=([^.;]+)/.exec(cookie)![1]!;
  return { headers: new Headers({ cookie }), token };
}

describe("sessions in Redis, kept in Postgres", () => {
  it("reads the session from Redis, survives a Redis wipe, and a revoked one ends at once", async () => {
    const email = `${randomBytes(4).toString("hex")}@example.test`;
    const password = "a long and boring passphrase";
    const phone = await signIn(email, password, true);
    const laptop = await signIn(email, password);

    // Both copies exist: Redis (read on every request) and the database row. The Redis copy
    // is sealed under a key named by a keyed hash: neither the token nor the email is in clear.
    const stored = await redis.get(storeKey(phone.token));
    expect(stored).not.toBeNull();
    expect(stored).not.toContain(email);
    expect(await redis.keys(`${redisPrefix}:auth:store:*${phone.token}*`)).toEqual([]);
    expect(JSON.parse(sessionSeal(secret).open(stored!)!)).toMatchObject({ user: { email } });
    expect(sessionSeal("z".repeat(32)).open(stored!)).toBeNull();
    const rows = await db.select().from(sessions).where(eq(sessions.token, phone.token));
    expect(rows).toHaveLength(1);
    expect((await auth.api.getSession({ headers: phone.headers }))?.user.email).toBe(email);

    // Redis wiped: the session is read from Postgres.
    await redis.del(storeKey(phone.token));
    expect((await auth.api.getSession({ headers: phone.headers }))?.user.email).toBe(email);

    // Listed from the laptop, the phone's session is revoked; its very next request is refused.
    const listed = await auth.api.listSessions({ headers: laptop.headers });
    expect(listed.map((s) => s.token).sort()).toEqual([phone.token, laptop.token].sort());
    await auth.api.revokeSession({ headers: laptop.headers, body: { token: phone.token } });
    expect(await auth.api.getSession({ headers: phone.headers })).toBeNull();
    expect(await db.select().from(sessions).where(eq(sessions.token, phone.token))).toEqual([]);
    expect((await auth.api.getSession({ headers: laptop.headers }))?.user.email).toBe(email);
  });
});
