// The in-process session cache (issue 17) on the real Redis: two web processes, each with its
// own Redis connection, its own store, cache and reader, as two `next start` would have.
import { randomBytes } from "node:crypto";

import { useTestDatabase as testDatabase } from "@caseward/core/testing";
import { waitFor } from "@caseward/services/wait-for";
import { Redis } from "ioredis";
import { afterAll, describe, expect, inject, it } from "vitest";

import type { Auth } from "./auth-config";
import { createAuth, sessionStoreOf } from "./auth-config";
import { createSessionCache } from "./session-cache";
import { createSessionReader } from "./session-reader";

const baseURL = "http://localhost:3000";
const redisPrefix = `${inject("queuePrefix")}-session-cache-${randomBytes(3).toString("hex")}`;
const secret = "x".repeat(32);
const password = "a long and boring passphrase";
const db = testDatabase();

type Session = NonNullable<Awaited<ReturnType<Auth["api"]["getSession"]>>>;

function webProcess(settings: { maxAgeMs?: number } = {}) {
  const name = `session-cache-test-${randomBytes(4).toString("hex")}`;
  const redis = new Redis(inject("redisUrl"), { maxRetriesPerRequest: 1, connectionName: name });
  redis.on("error", () => undefined);
  const auth = createAuth({ db, redis, baseURL, secret, throttle: false, redisPrefix });
  const store = sessionStoreOf({ redis, redisPrefix, secret });
  // Redis reads of the short path, counted.
  let reads = 0;
  const counted = {
    ...store,
    get: (key: string) => {
      reads++;
      return store.get(key);
    },
    getMany: (keys: readonly string[]) => {
      reads++;
      return store.getMany(keys);
    },
  };
  const cache = createSessionCache<Session>(redis, { prefix: redisPrefix, ...settings });
  const readSession = createSessionReader(
    auth.$context,
    counted,
    (headers) => auth.api.getSession({ headers }),
    cache,
  );
  afterAll(async () => {
    await cache.close();
    redis.disconnect();
  });
  return { name, redis, auth, store, cache, readSession, reads: () => reads };
}

const first = webProcess();
const second = webProcess();
const shortLived = webProcess({ maxAgeMs: 300 });

afterAll(async () => {
  const keys = await first.redis.keys(`${redisPrefix}:*`);
  if (keys.length > 0) await first.redis.del(...keys);
});

async function post(auth: Auth, path: string, body: object, cookie?: string) {
  return auth.handler(
    new Request(`${baseURL}/api/auth${path}`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        origin: baseURL,
        ...(cookie && { cookie }),
      },
      body: JSON.stringify(body),
    }),
  );
}

const cookieOf = (response: Response) =>
  response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");

async function signIn(email: string, signUp = false) {
  const response = await post(
    first.auth,
    signUp ? "/sign-up/email" : "/sign-in/email",
    signUp ? { name: "Maya", email, password } : { email, password },
  );
  expect(response.status).toBe(200);
  const cookie = cookieOf(response);
  const token = /better-auth\.session_token=([^.;]+)/.exec(cookie)![1]!;
  return { cookie, headers: () => new Headers({ cookie }), token };
}

const newEmail = () => `${randomBytes(4).toString("hex")}@example.test`;

// A cache subscribes on its first use.
const listening = (web: ReturnType<typeof webProcess>) =>
  waitFor(
    () => (web.cache.get("", Date.now()), web.cache.listening() ? true : undefined),
    5_000,
    "the cache listening",
    20,
  );

/** How long until `check` holds, polled every 5 ms (ms). */
async function msUntil(check: () => boolean | Promise<boolean>, what: string) {
  const started = performance.now();
  await waitFor(async () => ((await check()) ? true : undefined), 2_000, what, 5);
  return performance.now() - started;
}

describe("the session cache", () => {
  it("serves a session read once without asking Redis again, and is off until subscribed", async () => {
    const maya = await signIn(newEmail(), true);
    // Not listening yet (it subscribes on first use): read from Redis, not kept.
    const cold = first.reads();
    expect((await first.readSession(maya.headers()))?.session.token).toBe(maya.token);
    expect(first.reads()).toBeGreaterThan(cold);
    await listening(first);

    const before = first.reads();
    const read = await first.readSession(maya.headers());
    expect(read?.session.token).toBe(maya.token);
    expect(first.reads()).toBe(before + 1);
    for (let i = 0; i < 5; i++) {
      const again = await first.readSession(maya.headers());
      expect(again?.session.token).toBe(maya.token);
      expect(again?.user.id).toBe(read!.user.id);
      expect(again?.session.expiresAt).toEqual(read!.session.expiresAt);
    }
    expect(first.reads()).toBe(before + 1);
    // Keyed by the store's keyed hash of the token, never by the token itself.
    expect(first.cache.size).toBeGreaterThan(0);
  });

  it("drops a session when another process's store deletes its copy, within milliseconds", async () => {
    const maya = await signIn(newEmail(), true);
    await Promise.all([listening(first), listening(second)]);
    await second.readSession(maya.headers());
    const cached = second.reads();
    await second.readSession(maya.headers());
    expect(second.reads()).toBe(cached);

    // The first process ends it (as endSessions does): its connection publishes the message.
    await first.store.delete(maya.token);
    const ms = await msUntil(async () => {
      const before = second.reads();
      await second.readSession(maya.headers());
      return second.reads() > before;
    }, "the second process reading Redis again");
    expect(ms).toBeLessThan(500);
    console.warn(`session cache: a deletion on another process heard in ${ms.toFixed(1)} ms`);
  });

  it("sign-out through better-auth on one process ends the session on the other at once", async () => {
    const maya = await signIn(newEmail(), true);
    await listening(second);
    expect((await second.readSession(maya.headers()))?.session.token).toBe(maya.token);
    expect((await second.readSession(maya.headers()))?.session.token).toBe(maya.token);

    const signedOut = await post(first.auth, "/sign-out", {}, maya.cookie);
    expect(signedOut.status).toBe(200);
    const ms = await msUntil(
      async () => (await second.readSession(maya.headers())) === null,
      "the session ended on the second process",
    );
    expect(ms).toBeLessThan(500);
  });

  it("a password change on one process ends the other sessions on the other (the revocation mark)", async () => {
    const email = newEmail();
    const phone = await signIn(email, true);
    const laptop = await signIn(email);
    await listening(second);
    await second.readSession(laptop.headers());
    const cached = second.reads();
    expect((await second.readSession(laptop.headers()))?.session.token).toBe(laptop.token);
    expect(second.reads()).toBe(cached);

    const changed = await post(
      first.auth,
      "/change-password",
      { currentPassword: password, newPassword: "a fresh passphrase today" },
      phone.cookie,
    );
    expect(changed.status).toBe(200);
    await msUntil(
      async () => (await second.readSession(laptop.headers())) === null,
      "the laptop signed out on the second process",
    );
  });

  it("a subscriber cut off: the cache is emptied and bypassed until it has subscribed again", async () => {
    const maya = await signIn(newEmail(), true);
    await listening(second);
    await second.readSession(maya.headers());
    expect(second.cache.size).toBeGreaterThan(0);

    // Kill the second process's subscriber connection (its name, in subscriber mode).
    const clients = (await first.redis.call("CLIENT", "LIST", "TYPE", "pubsub")) as string;
    const ids = clients
      .split("\n")
      .filter((line) => line.includes(` name=${second.name} `))
      .map((line) => /^id=(\d+)/.exec(line)![1]!);
    expect(ids).toHaveLength(1);
    await first.redis.client("KILL", "ID", ids[0]!);

    await msUntil(() => !second.cache.listening(), "the cache deaf");
    expect(second.cache.size).toBe(0);
    const before = second.reads();
    expect((await second.readSession(maya.headers()))?.session.token).toBe(maya.token);
    if (!second.cache.listening()) {
      // Read from Redis and not kept while deaf.
      expect(second.reads()).toBe(before + 1);
      expect(second.cache.size).toBe(0);
    }

    // A deletion while it was away is not served from memory once it is back.
    await first.store.delete(maya.token);
    await listening(second);
    const back = second.reads();
    await second.readSession(maya.headers());
    expect(second.reads()).toBe(back + 1);
  });

  it("keeps a session no longer than its maximum age, nor past the time given", async () => {
    const maya = await signIn(newEmail(), true);
    await listening(shortLived);
    await shortLived.readSession(maya.headers());
    const cached = shortLived.reads();
    await shortLived.readSession(maya.headers());
    expect(shortLived.reads()).toBe(cached);
    await new Promise((resolve) => setTimeout(resolve, 350));
    await shortLived.readSession(maya.headers());
    expect(shortLived.reads()).toBe(cached + 1);

    // The session's own expiry (or renewal) bounds it too.
    const now = Date.now();
    const keys = { session: "a-session-hash", mark: "its-mark-hash" };
    const session = (await shortLived.readSession(maya.headers()))!;
    shortLived.cache.put(keys, session, now + 100, shortLived.cache.begin(), now);
    expect(shortLived.cache.get(keys.session, now + 99)).toBe(session);
    expect(shortLived.cache.get(keys.session, now + 100)).toBeUndefined();
  });

  it("does not keep a copy read before a deletion heard while it was being read", async () => {
    await listening(first);
    const keys = { session: "read-while-ended", mark: "its-user-mark" };
    const now = Date.now();
    const session = { session: {}, user: {} } as unknown as Session;
    const begun = first.cache.begin();
    // While it was being read, the other process changed its user's revocation mark.
    await second.store.set("revoked-sessions-before-someone", String(now), 60);
    const hash = first.store.hashOf("revoked-sessions-before-someone");
    await new Promise((resolve) => setTimeout(resolve, 200));
    first.cache.put({ ...keys, mark: hash }, session, now + 60_000, begun, now);
    expect(first.cache.get(keys.session, now)).toBeUndefined();
    const after = first.cache.begin();
    first.cache.put({ ...keys, mark: hash }, session, now + 60_000, after, now);
    expect(first.cache.get(keys.session, now)).toBe(session);
    // And the mark heard later drops every session kept under it.
    await second.store.set("revoked-sessions-before-someone", String(now + 1), 60);
    await msUntil(() => first.cache.get(keys.session, now) === undefined, "dropped by its mark");
  });
});
