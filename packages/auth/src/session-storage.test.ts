import { randomBytes } from "node:crypto";

// Renamed: the React rules of hooks would read `use…` as a hook.
import { useTestDatabase as testDatabase } from "@caseward/core/testing";
import { eq } from "@caseward/db";
import { sessions } from "@caseward/db/schema";
import { Redis } from "ioredis";
import { afterAll, describe, expect, inject, it } from "vitest";

import { createAuth } from "./auth-config";
import { keyedHash } from "./auth-throttle";
import { createSessionReader } from "./session-reader";
import { createSessionStorage, sessionSeal } from "./session-storage";

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

describe("the short way to a request's session", () => {
  // better-auth's own getSession, counted: the reader must only call it when something is owed.
  let slow = 0;
  const readSession = createSessionReader(
    auth.$context,
    createSessionStorage(redis, { prefix: redisPrefix, secret }),
    (headers) => {
      slow++;
      return auth.api.getSession({ headers });
    },
  );
  const newPerson = async () => {
    const email = `${randomBytes(4).toString("hex")}@example.test`;
    return { email, ...(await signIn(email, "a long and boring passphrase", true)) };
  };
  /** The session row and its Redis copy, as if renewed `secondsAgo` (expiry slides from it). */
  const renewedAgo = async (token: string, secondsAgo: number) => {
    const { sessionConfig } = await auth.$context;
    const expiresAt = new Date(Date.now() + (sessionConfig.expiresIn - secondsAgo) * 1000);
    await db.update(sessions).set({ expiresAt }).where(eq(sessions.token, token));
    const { seal, open } = sessionSeal(secret);
    const copy = JSON.parse(open((await redis.get(storeKey(token)))!)!) as {
      session: { expiresAt: string };
    };
    copy.session.expiresAt = expiresAt.toISOString();
    await redis.set(storeKey(token), seal(JSON.stringify(copy)), "EX", 600);
  };

  it("answers what getSession answers, without it while nothing is owed", async () => {
    const maya = await newPerson();
    const expected = await auth.api.getSession({ headers: maya.headers });
    slow = 0;
    const found = await readSession(maya.headers);
    expect(slow).toBe(0);
    expect(found?.user.email).toBe(maya.email);
    expect(found?.user.id).toBe(expected!.user.id);
    expect(found?.session.id).toBe(expected!.session.id);
    expect(found?.session.expiresAt).toBeInstanceOf(Date);
    expect(found?.session.expiresAt.getTime()).toBe(expected!.session.expiresAt.getTime());
    expect(found?.user.createdAt).toEqual(expected!.user.createdAt);
  });

  it("leaves a bad cookie, a revoked, expired or due session and a Redis miss to getSession", async () => {
    const maya = await newPerson();
    const laptop = await signIn(maya.email, "a long and boring passphrase");

    // A token signed with another secret, or no signature at all: refused, by getSession.
    const forged = new Headers({
      cookie: `better-auth.session_token=${maya.token}.${"A".repeat(43)}=`,
    });
    slow = 0;
    expect(await readSession(forged)).toBeNull();
    expect(
      await readSession(new Headers({ cookie: `better-auth.session_token=${maya.token}` })),
    ).toBeNull();
    expect(await readSession(new Headers())).toBeNull();
    expect(slow).toBe(3);

    // A renewal is due (last one over a minute ago): getSession renews it, once.
    await renewedAgo(maya.token, 61);
    slow = 0;
    expect((await readSession(maya.headers))?.user.email).toBe(maya.email);
    expect(slow).toBe(1);
    expect((await readSession(maya.headers))?.user.email).toBe(maya.email);
    expect(slow).toBe(1);

    // Expired: refused.
    await renewedAgo(maya.token, 31 * 60);
    slow = 0;
    expect(await readSession(maya.headers)).toBeNull();
    expect(slow).toBe(1);

    // Every session of the user revoked (better-auth marks the user, then deletes the copies):
    // even a copy written back afterwards is refused by the mark, also once the reader knows
    // the token's user (it then reads the copy and the mark in one MGET).
    slow = 0;
    expect((await readSession(laptop.headers))?.user.email).toBe(maya.email);
    expect((await readSession(laptop.headers))?.user.email).toBe(maya.email);
    expect(slow).toBe(0);
    const copy = await redis.get(storeKey(laptop.token));
    await auth.api.revokeSessions({ headers: laptop.headers });
    await redis.set(storeKey(laptop.token), copy!, "EX", 600);
    slow = 0;
    expect(await readSession(laptop.headers)).toBeNull();
    expect(slow).toBe(1);

    // No Redis copy: getSession reads the database row.
    const sam = await newPerson();
    await redis.del(storeKey(sam.token));
    slow = 0;
    expect((await readSession(sam.headers))?.user.email).toBe(sam.email);
    expect(slow).toBe(1);
  });
});
