import { randomBytes } from "node:crypto";
import { performance } from "node:perf_hooks";

// Renamed: the React rules of hooks would read `use…` as a hook.
import { useTestDatabase as testDatabase } from "@caseward/core/testing";
import { eq } from "@caseward/db";
import { accounts } from "@caseward/db/schema";
import { hashPassword as betterAuthScrypt } from "better-auth/crypto";
import { Redis } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import { inject } from "vitest";

import type { Auth } from "./auth-config";
import { createAuth } from "./auth-config";
import { createAuthThrottle, withRetryAfter } from "./auth-throttle";

const baseURL = "http://localhost:3000";
const redisPrefix = `${inject("queuePrefix")}-auth-${randomBytes(3).toString("hex")}`;
const password = "a long and boring passphrase";

// Two auth instances as two web processes have them: own database pool, own Redis connection.
function webProcess() {
  const redis = new Redis(inject("redisUrl"), { maxRetriesPerRequest: 1 });
  afterAll(() => redis.quit());
  return createAuth({
    db: testDatabase(),
    redis,
    baseURL,
    secret: "x".repeat(32),
    throttle: true,
    redisPrefix,
  });
}
const first = webProcess();
const second = webProcess();
const db = testDatabase();

let addresses = 0;
/** A fresh documentation-range address per test, so the per-address counts do not mix. */
const newAddress = () => `203.0.113.${++addresses}`;

function post(
  auth: Auth,
  path: string,
  body: object,
  address: string,
  origin = baseURL,
  cookie?: string,
) {
  return auth.handler(
    new Request(`${origin}/api/auth${path}`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-forwarded-for": address,
        origin,
        ...(cookie && { cookie }),
      },
      body: JSON.stringify(body),
    }),
  );
}

async function signUp(address = newAddress()) {
  const email = `${randomBytes(4).toString("hex")}@example.test`;
  const response = await post(first, "/sign-up/email", { name: "Maya", email, password }, address);
  expect(response.status).toBe(200);
  const body = (await response.json()) as { user: { id: string } };
  return { email, userId: body.user.id };
}

describe("sign-up password rules", () => {
  it.each([
    ["short", "PASSWORD_TOO_SHORT", "Use at least 12 characters."],
    ["x".repeat(129), "PASSWORD_TOO_LONG", "Use at most 128 characters."],
    [
      "1qaz2wsx3edc",
      "PASSWORD_TOO_COMMON",
      expect.stringContaining("10,000 most common") as string,
    ],
  ])("refuses %j with 400 %s", async (candidate, code, message) => {
    const email = `${randomBytes(4).toString("hex")}@example.test`;
    const response = await post(
      first,
      "/sign-up/email",
      { name: "Maya", email, password: candidate },
      newAddress(),
    );
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code, message });
  });

  it("stores an Argon2id hash", async () => {
    const { userId } = await signUp();
    const [account] = await db.select().from(accounts).where(eq(accounts.userId, userId));
    expect(account?.password).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });
});

describe("existing accounts with better-auth's scrypt hash", () => {
  it("sign in, and their hash becomes Argon2id", async () => {
    const { email, userId } = await signUp();
    await db
      .update(accounts)
      .set({ password: await betterAuthScrypt(password) })
      .where(eq(accounts.userId, userId));
    const response = await post(second, "/sign-in/email", { email, password }, newAddress());
    expect(response.status).toBe(200);
    const [account] = await db.select().from(accounts).where(eq(accounts.userId, userId));
    expect(account?.password).toMatch(/^\$argon2id\$/);
    expect((await post(first, "/sign-in/email", { email, password }, newAddress())).status).toBe(
      200,
    );
  });
});

describe("failed sign-ins, counted in Redis across processes", () => {
  it("locks an account after 5 wrong passwords, whichever process saw them", async () => {
    const { email } = await signUp();
    for (let i = 0; i < 5; i++) {
      const process = i % 2 === 0 ? first : second;
      // From different addresses: the account's count is what locks it.
      const response = await post(
        process,
        "/sign-in/email",
        { email, password: `wrong ${i} guess here` },
        newAddress(),
      );
      expect(response.status).toBe(401);
    }
    const locked = await post(first, "/sign-in/email", { email, password }, newAddress());
    expect(locked.status).toBe(429);
    const retryAfter = Number(locked.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(14 * 60);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    expect(await locked.json()).toMatchObject({ code: "TOO_MANY_FAILED_SIGN_INS" });
    expect((await post(second, "/sign-in/email", { email, password }, newAddress())).status).toBe(
      429,
    );
  });

  // Issue 18, finding 5: five wrong passwords from anywhere locked the owner out too.
  it("lets a browser that signed in before keep signing in while the account is locked", async () => {
    const { email } = await signUp();
    const signedIn = await post(first, "/sign-in/email", { email, password }, newAddress());
    expect(signedIn.status).toBe(200);
    const device = signedIn.headers
      .getSetCookie()
      .find((line) => line.startsWith("caseward_device="))
      ?.split(";")[0];
    expect(device).toMatch(/^caseward_device=[\w-]+\.[\w-]+$/);
    expect(signedIn.headers.getSetCookie().find((l) => l.startsWith("caseward_device="))).toMatch(
      /HttpOnly/i,
    );

    for (let i = 0; i < 5; i++) {
      const guess = { email, password: `wrong ${i} guess here` };
      expect((await post(second, "/sign-in/email", guess, newAddress())).status).toBe(401);
    }
    // Any other browser is held by the lock, a forged or another account's cookie too.
    expect((await post(first, "/sign-in/email", { email, password }, newAddress())).status).toBe(
      429,
    );
    const forged = `${device!.slice(0, -4)}AAAA`;
    const locked = await post(
      first,
      "/sign-in/email",
      { email, password },
      newAddress(),
      baseURL,
      forged,
    );
    expect(locked.status).toBe(429);
    const stranger = await signUp();
    const theirs = (
      await post(first, "/sign-in/email", { email: stranger.email, password }, newAddress())
    ).headers
      .getSetCookie()
      .find((line) => line.startsWith("caseward_device="))!
      .split(";")[0]!;
    expect(
      (await post(first, "/sign-in/email", { email, password }, newAddress(), baseURL, theirs))
        .status,
    ).toBe(429);

    // The known device signs in.
    const owner = await post(
      first,
      "/sign-in/email",
      { email, password },
      newAddress(),
      baseURL,
      device,
    );
    expect(owner.status).toBe(200);
  });

  it("locks a known device after its own 10 wrong passwords, not the account", async () => {
    const { email } = await signUp();
    const signedIn = await post(first, "/sign-in/email", { email, password }, newAddress());
    const device = signedIn.headers
      .getSetCookie()
      .find((line) => line.startsWith("caseward_device="))!
      .split(";")[0]!;
    for (let i = 0; i < 10; i++) {
      const guess = { email, password: `wrong ${i} guess here` };
      const answer = await post(second, "/sign-in/email", guess, newAddress(), baseURL, device);
      expect(answer.status).toBe(401);
    }
    const held = await post(
      first,
      "/sign-in/email",
      { email, password },
      newAddress(),
      baseURL,
      device,
    );
    expect(held.status).toBe(429);
    // The account itself was not locked by the device's guesses.
    expect((await post(first, "/sign-in/email", { email, password }, newAddress())).status).toBe(
      200,
    );
  });

  it("locks an unknown email the same way, so a lock says nothing about who has an account", async () => {
    const email = `nobody-${randomBytes(4).toString("hex")}@example.test`;
    const answers = [];
    for (let i = 0; i < 6; i++) {
      const response = await post(
        i % 2 ? first : second,
        "/sign-in/email",
        { email, password },
        newAddress(),
      );
      answers.push({ status: response.status, body: (await response.json()) as { code: string } });
    }
    expect(answers.map((a) => a.status)).toEqual([401, 401, 401, 401, 401, 429]);
    expect(answers[0]!.body.code).toBe("INVALID_EMAIL_OR_PASSWORD");
  });

  it("locks an address after 20 failures over any accounts", async () => {
    // Straight on the counts: through HTTP the per-minute limit (10) answers 429 first.
    const redis = new Redis(inject("redisUrl"), { maxRetriesPerRequest: 1 });
    const processes = [
      createAuthThrottle(redis, { prefix: redisPrefix, secret: "x".repeat(32) }),
      createAuthThrottle(redis, { prefix: redisPrefix, secret: "x".repeat(32) }),
    ];
    const address = newAddress();
    for (let i = 0; i < 20; i++) {
      expect(
        await processes[i % 2]!.lockedFor({ email: `guess-${i}@example.test`, address }),
      ).toBeNull();
      await processes[i % 2]!.recordFailure({ email: `guess-${i}@example.test`, address });
    }
    const wait = await processes[0]!.lockedFor({ email: "someone-else@example.test", address });
    expect(wait).toBeGreaterThan(14 * 60);
    expect(
      await processes[1]!.lockedFor({ email: "someone-else@example.test", address: newAddress() }),
    ).toBeNull();
    await redis.quit();
  });

  it("answers an unknown email as slowly as a wrong password (one Argon2id each)", async () => {
    const { email } = await signUp();
    const time = async (body: object) => {
      const start = performance.now();
      await post(first, "/sign-in/email", body, newAddress());
      return performance.now() - start;
    };
    const median = (values: number[]) =>
      values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    const wrong: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 4; i++) {
      wrong.push(await time({ email, password: `wrong guess number ${i}` }));
      unknown.push(
        await time({
          email: `nobody-${i}-${randomBytes(3).toString("hex")}@example.test`,
          password,
        }),
      );
    }
    process.stdout.write(
      `sign-in median: wrong password ${median(wrong).toFixed(1)} ms, unknown email ${median(unknown).toFixed(1)} ms\n`,
    );
    expect(median(unknown)).toBeGreaterThan(median(wrong) * 0.5);
  });
});

describe("per-address rate limit, shared", () => {
  it("answers 429 to the 11th sign-in within a minute from one address across both processes", async () => {
    const address = newAddress();
    const statuses = [];
    for (let i = 0; i < 11; i++) {
      const email = `rate-${i}-${randomBytes(3).toString("hex")}@example.test`;
      const response = await post(
        i % 2 ? first : second,
        "/sign-in/email",
        { email, password },
        address,
      );
      statuses.push(response.status);
      if (response.status === 429) {
        const wait = Number(withRetryAfter(response).headers.get("retry-after"));
        expect(wait).toBeGreaterThan(0);
        expect(wait).toBeLessThanOrEqual(60);
      }
    }
    expect(statuses).toEqual([...Array<number>(10).fill(401), 429]);
  });
});

describe("session cookies", () => {
  const sessionCookie = (response: Response) =>
    response.headers.getSetCookie().find((cookie) => cookie.includes("session_token="));

  it("are HttpOnly and SameSite=Lax over http", async () => {
    const email = `${randomBytes(4).toString("hex")}@example.test`;
    const response = await post(
      first,
      "/sign-up/email",
      { name: "M", email, password },
      newAddress(),
    );
    const cookie = sessionCookie(response);
    expect(cookie).toMatch(/^better-auth\.session_token=/);
    expect(cookie).toMatch(/; HttpOnly/i);
    expect(cookie).toMatch(/; SameSite=Lax/i);
    expect(cookie).not.toMatch(/; Secure/i);
  });

  it("are __Host- and Secure over https, bound to the host (Path=/, no Domain)", async () => {
    const origin = "https://caseward.example";
    const redis = new Redis(inject("redisUrl"), { maxRetriesPerRequest: 1 });
    const overHttps = createAuth({
      db,
      redis,
      baseURL: origin,
      secret: "x".repeat(32),
      throttle: true,
      redisPrefix,
    });
    const email = `${randomBytes(4).toString("hex")}@example.test`;
    const response = await post(
      overHttps,
      "/sign-up/email",
      { name: "M", email, password },
      newAddress(),
      origin,
    );
    expect(response.status).toBe(200);
    const cookie = sessionCookie(response);
    expect(cookie).toMatch(/^__Host-better-auth\.session_token=/);
    expect(cookie).toMatch(/; Secure/i);
    expect(cookie).toMatch(/; HttpOnly/i);
    expect(cookie).toMatch(/; Path=\/(;|$)/);
    expect(cookie).not.toMatch(/; Domain=/i);
    // The cookie it set is the one it reads back.
    const token = cookie!.split(";")[0]!;
    const session = await overHttps.api.getSession({ headers: new Headers({ cookie: token }) });
    expect(session?.user.email).toBe(email);
    await redis.quit();
  });
});

describe("when Redis is away", () => {
  it("refuses sign-in with 503 (the lock cannot count) and still serves sessions and sign-up", async () => {
    // Nothing listens on port 1: every command fails at once.
    const away = new Redis("redis://127.0.0.1:1", {
      lazyConnect: true,
      maxRetriesPerRequest: 0,
      enableOfflineQueue: false,
      retryStrategy: () => null,
    });
    away.on("error", () => undefined);
    const auth = createAuth({
      db,
      redis: away,
      baseURL,
      secret: "x".repeat(32),
      throttle: true,
      redisPrefix,
    });
    const email = `${randomBytes(4).toString("hex")}@example.test`;
    const signUp = await post(auth, "/sign-up/email", { name: "M", email, password }, newAddress());
    expect(signUp.status).toBe(200);
    const signIn = await post(auth, "/sign-in/email", { email, password }, newAddress());
    expect(signIn.status).toBe(503);
    expect(signIn.headers.get("retry-after")).toBe("30");
    expect(await signIn.json()).toMatchObject({ code: "SIGN_IN_UNAVAILABLE" });
    const session = await auth.handler(new Request(`${baseURL}/api/auth/get-session`));
    expect(session.status).toBe(200);
    away.disconnect();
  });
});
