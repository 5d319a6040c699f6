import { randomBytes } from "node:crypto";

import { listAuditEvents } from "@caseward/core";
// Renamed: the React rules of hooks would read `use…` as a hook.
import { useTestDatabase as testDatabase } from "@caseward/core/testing";
import { eq } from "@caseward/db";
import { twoFactors, users } from "@caseward/db/schema";
import { Redis } from "ioredis";
import { afterAll, describe, expect, inject, it, vi } from "vitest";

import { secretOf, totpCode } from "./testing/totp";
import { createAuth } from "./auth-config";

const baseURL = "http://localhost:3000";
const password = "a long and boring passphrase";
const redis = new Redis(inject("redisUrl"), { maxRetriesPerRequest: 1 });
afterAll(() => redis.quit());
const db = testDatabase();
const redisPrefix = `${inject("queuePrefix")}-2fa-${randomBytes(3).toString("hex")}`;
const auth = createAuth({
  db,
  redis,
  baseURL,
  secret: "y".repeat(32),
  throttle: true,
  redisPrefix,
});

const chromeOnLinux =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36";
let addresses = 0;
/** A fresh documentation-range address per request: better-auth limits /two-factor/* to 3 per 10 s. */
const newAddress = () => `198.51.100.${++addresses}`;

/** One browser: its cookies, its User-Agent, its proxy headers. */
function browser(extra: Record<string, string> = {}) {
  const jar = new Map<string, string>();
  return {
    jar,
    async post(path: string, body: object, address = newAddress()) {
      const response = await auth.handler(
        new Request(`${baseURL}/api/auth${path}`, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            origin: baseURL,
            "x-forwarded-for": address,
            "user-agent": chromeOnLinux,
            cookie: [...jar].map(([k, v]) => `${k}=${v}`).join("; "),
            ...extra,
          },
          body: JSON.stringify(body),
        }),
      );
      for (const line of response.headers.getSetCookie()) {
        const [pair = "", ...attributes] = line.split(";");
        const [name = "", value = ""] = pair.split("=");
        if (attributes.some((a) => /max-age=0\b/i.test(a.trim())) || value === "") jar.delete(name);
        else jar.set(name, pair.slice(name.length + 1));
      }
      return response;
    },
  };
}

const signedIn = (jar: Map<string, string>) => jar.has("better-auth.session_token");

async function newAccount() {
  const person = browser();
  const email = `${randomBytes(4).toString("hex")}@example.test`;
  const response = await person.post("/sign-up/email", { name: "Maya", email, password });
  expect(response.status).toBe(200);
  const { user } = (await response.json()) as { user: { id: string } };
  return { person, email, userId: user.id };
}

/** An account with two-factor sign-in on, its secret and its backup codes. */
async function accountWithTwoFactor() {
  const account = await newAccount();
  const enabled = await account.person.post("/two-factor/enable", { password });
  expect(enabled.status).toBe(200);
  const { totpURI, backupCodes } = (await enabled.json()) as {
    totpURI: string;
    backupCodes: string[];
  };
  const secret = secretOf(totpURI);
  const confirmed = await account.person.post("/two-factor/verify-totp", {
    code: totpCode(secret),
  });
  expect(confirmed.status).toBe(200);
  return { ...account, secret, backupCodes, totpURI };
}

/**
 * The code of the next 30 s step: still accepted now (one step either side), and not the one
 * that turned two-factor on, which cannot be used twice.
 */
const nextCode = (secret: string) => totpCode(secret, Date.now() + 30_000);

const kinds = async (userId: string) =>
  (await listAuditEvents(db, userId)).events.map((e) => [e.kind, e.detail]);

describe("turning two-factor sign-in on", () => {
  it("needs the password, then a first right code; the secret and codes are stored encrypted", async () => {
    const { person, userId } = await newAccount();
    expect(
      (await person.post("/two-factor/enable", { password: "not the password at all" })).status,
    ).toBe(400);

    const enabled = await person.post("/two-factor/enable", { password });
    const { totpURI, backupCodes } = (await enabled.json()) as {
      totpURI: string;
      backupCodes: string[];
    };
    expect(totpURI).toMatch(/^otpauth:\/\/totp\/Caseward:.+\?secret=[A-Z2-7]+/);
    expect(backupCodes).toHaveLength(10);
    expect(new Set(backupCodes).size).toBe(10);
    // 24 symbols of 32: 120 bits each.
    for (const code of backupCodes)
      expect(code).toMatch(/^[a-km-np-z2-9]{6}(-[a-km-np-z2-9]{6}){3}$/);

    // Not on until the first code from the app is right.
    const [before] = await db.select().from(users).where(eq(users.id, userId));
    expect(before?.twoFactorEnabled).toBe(false);
    expect((await person.post("/two-factor/verify-totp", { code: "000000" })).status).toBe(401);
    const secret = secretOf(totpURI);
    expect((await person.post("/two-factor/verify-totp", { code: nextCode(secret) })).status).toBe(
      200,
    );
    const [after] = await db.select().from(users).where(eq(users.id, userId));
    expect(after?.twoFactorEnabled).toBe(true);

    const [row] = await db.select().from(twoFactors).where(eq(twoFactors.userId, userId));
    expect(row?.verified).toBe(true);
    expect(row?.secret).not.toContain(secret);
    for (const code of backupCodes) expect(row?.backupCodes).not.toContain(code);

    expect(await kinds(userId)).toEqual([["two_factor_enabled", {}]]);
  });
});

describe("signing in with two-factor on", () => {
  it("asks for a code after the password, and signs in with a right authenticator code", async () => {
    const { email, secret, userId } = await accountWithTwoFactor();
    const person = browser({ "x-vercel-ip-country": "CA", "x-vercel-ip-city": "Toronto" });
    const first = await person.post("/sign-in/email", { email, password });
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({
      twoFactorRedirect: true,
      twoFactorMethods: ["totp"],
    });
    expect(signedIn(person.jar)).toBe(false);
    expect(person.jar.has("better-auth.two_factor")).toBe(true);

    const wrong = await person.post("/two-factor/verify-totp", { code: "123456" });
    expect(wrong.status).toBe(401);
    const right = await person.post("/two-factor/verify-totp", { code: nextCode(secret) });
    expect(right.status).toBe(200);
    expect(signedIn(person.jar)).toBe(true);

    const { events } = await listAuditEvents(db, userId);
    expect(events.slice(0, 2)).toMatchObject([
      {
        kind: "sign_in",
        detail: { method: "totp" },
        device: "Chrome on Linux",
        place: "Toronto, Canada",
      },
      {
        kind: "sign_in_failed",
        detail: { reason: "totp" },
        device: "Chrome on Linux",
        place: "Toronto, Canada",
      },
    ]);
    // The same code cannot sign in twice (ASVS V2.8.4).
    const replay = browser();
    await replay.post("/sign-in/email", { email, password });
    const again = await replay.post("/two-factor/verify-totp", { code: nextCode(secret) });
    expect(again.status).toBe(401);
    expect(await again.json()).toMatchObject({ code: "CODE_ALREADY_USED" });
    expect(signedIn(replay.jar)).toBe(false);
    // A mistyped code is given back: the right one still works after it.
    expect((await replay.post("/two-factor/verify-totp", { code: "654321" })).status).toBe(401);
    const previous = totpCode(secret, Date.now() - 30_000);
    expect((await replay.post("/two-factor/verify-totp", { code: previous })).status).toBe(200);

    // The password step alone is not a sign-in.
    expect(events.filter((e) => e.kind === "sign_in")).toHaveLength(1);
  });

  it("signs in with a backup code once; the same code is refused after", async () => {
    const { email, backupCodes, userId } = await accountWithTwoFactor();
    const person = browser();
    await person.post("/sign-in/email", { email, password });
    const used = await person.post("/two-factor/verify-backup-code", { code: backupCodes[3] });
    expect(used.status).toBe(200);
    expect(signedIn(person.jar)).toBe(true);

    const again = browser();
    await again.post("/sign-in/email", { email, password });
    expect(
      (await again.post("/two-factor/verify-backup-code", { code: backupCodes[3] })).status,
    ).toBe(401);
    expect(
      (await again.post("/two-factor/verify-backup-code", { code: backupCodes[4] })).status,
    ).toBe(200);

    // Newest first. The two events of one sign-in can fall in the same millisecond, and
    // events of the same instant are listed by id: each request's pair in either order.
    const recent = await kinds(userId);
    const codeSignIn = [
      ["backup_code_used", {}],
      ["sign_in", { method: "backup_code" }],
    ];
    const sorted = (pair: unknown[]) => [...pair].sort((a, b) => (String(a) < String(b) ? -1 : 1));
    expect(sorted(recent.slice(0, 2))).toEqual(codeSignIn);
    expect(recent[2]).toEqual(["sign_in_failed", { reason: "backup_code" }]);
    expect(sorted(recent.slice(3, 5))).toEqual(codeSignIn);
  });

  it("locks the account's codes after 5 wrong ones with 429 and Retry-After, even the right one", async () => {
    const { email, secret } = await accountWithTwoFactor();
    const person = browser();
    await person.post("/sign-in/email", { email, password });
    const statuses = [];
    for (let i = 0; i < 5; i++) {
      statuses.push(
        (await person.post("/two-factor/verify-totp", { code: String(100000 + i) })).status,
      );
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401]);
    // A new sign-in (new challenge) does not reset the account's count.
    const fresh = browser();
    expect((await fresh.post("/sign-in/email", { email, password })).status).toBe(200);
    const locked = await fresh.post("/two-factor/verify-totp", { code: nextCode(secret) });
    expect(locked.status).toBe(429);
    const retryAfter = Number(locked.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(14 * 60);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    expect(await locked.json()).toMatchObject({ code: "TOO_MANY_WRONG_CODES" });
    expect(signedIn(fresh.jar)).toBe(false);
  });

  it("locks an address after 20 wrong codes over any accounts", async () => {
    const address = "198.51.100.250";
    const statuses: number[] = [];
    for (let a = 0; a < 5; a++) {
      const { email } = await accountWithTwoFactor();
      const person = browser();
      await person.post("/sign-in/email", { email, password });
      for (let i = 0; i < 4; i++) {
        // Past better-auth's per-path limit (3 in 10 s), the window is shared: wait it out
        // by using the same address only for the counted attempts below.
        statuses.push(
          (await person.post("/two-factor/verify-totp", { code: "000001" }, address)).status,
        );
        // The limiter's keys hold a keyed hash of the address: clear this run's.
        const rateKeys = await redis.keys(`${redisPrefix}:auth:rate:*`);
        if (rateKeys.length > 0) await redis.del(...rateKeys);
      }
    }
    expect(statuses.filter((s) => s === 401)).toHaveLength(20);
    const { email, secret } = await accountWithTwoFactor();
    const person = browser();
    await person.post("/sign-in/email", { email, password });
    const locked = await person.post(
      "/two-factor/verify-totp",
      { code: nextCode(secret) },
      address,
    );
    expect(locked.status).toBe(429);
    // From another address the same account is fine.
    expect((await person.post("/two-factor/verify-totp", { code: nextCode(secret) })).status).toBe(
      200,
    );
  });
});

describe("managing two-factor sign-in", () => {
  it("new backup codes replace the old; turning it off needs the password", async () => {
    const { person, email, backupCodes, userId } = await accountWithTwoFactor();
    const renewed = await person.post("/two-factor/generate-backup-codes", { password });
    expect(renewed.status).toBe(200);
    const { backupCodes: fresh } = (await renewed.json()) as { backupCodes: string[] };
    expect(fresh).toHaveLength(10);
    expect(fresh).not.toContain(backupCodes[0]);

    const other = browser();
    await other.post("/sign-in/email", { email, password });
    expect(
      (await other.post("/two-factor/verify-backup-code", { code: backupCodes[0] })).status,
    ).toBe(401);

    expect(
      (await person.post("/two-factor/disable", { password: "wrong passphrase, sorry" })).status,
    ).toBe(400);
    expect((await person.post("/two-factor/disable", { password })).status).toBe(200);
    const [user] = await db.select().from(users).where(eq(users.id, userId));
    expect(user?.twoFactorEnabled).toBe(false);
    expect(await db.select().from(twoFactors).where(eq(twoFactors.userId, userId))).toEqual([]);
    const plain = browser();
    const signIn = await plain.post("/sign-in/email", { email, password });
    expect(await signIn.json()).not.toHaveProperty("twoFactorRedirect");
    expect(signedIn(plain.jar)).toBe(true);

    expect((await kinds(userId)).slice(0, 4)).toEqual([
      ["sign_in", { method: "password" }],
      ["two_factor_disabled", {}],
      ["sign_in_failed", { reason: "backup_code" }],
      ["backup_codes_regenerated", {}],
    ]);
  });
});

describe("security activity of auth events", () => {
  it("records sign-ins, failed sign-ins and password changes with device and place", async () => {
    const { email, userId } = await newAccount();
    const firefox =
      "Mozilla/5.0 (Macintosh; Intel Mac OS X 14.6; rv:133.0) Gecko/20100101 Firefox/133.0";
    const person = browser({ "user-agent": firefox });
    expect(
      (
        await person.post(
          "/sign-in/email",
          { email, password: "not it, not it at all" },
          "203.0.113.9",
        )
      ).status,
    ).toBe(401);
    // Recorded after the answer (so its timing says nothing): wait for the row.
    await vi.waitFor(async () => expect(await kinds(userId)).toHaveLength(1));
    expect((await person.post("/sign-in/email", { email, password }, "127.0.0.1")).status).toBe(
      200,
    );
    const changed = await person.post(
      "/change-password",
      {
        currentPassword: password,
        newPassword: "another long and boring passphrase",
      },
      "2001:db8:abcd:12::1",
    );
    expect(changed.status).toBe(200);

    const { events } = await listAuditEvents(db, userId);
    expect(
      events.map(({ kind, device, place, detail }) => ({ kind, device, place, detail })),
    ).toEqual([
      {
        kind: "password_changed",
        device: "Firefox on macOS",
        place: "2001:db8:abcd::/48",
        detail: {},
      },
      {
        kind: "sign_in",
        device: "Firefox on macOS",
        place: "This network",
        detail: { method: "password" },
      },
      {
        kind: "sign_in_failed",
        device: "Firefox on macOS",
        place: "203.0.113.0/24",
        detail: { reason: "password" },
      },
    ]);
  });

  it("records nothing for an email without an account, and nothing of one user for another", async () => {
    const { userId } = await newAccount();
    const stranger = browser();
    const response = await stranger.post("/sign-in/email", {
      email: `nobody-${randomBytes(4).toString("hex")}@example.test`,
      password,
    });
    expect(response.status).toBe(401);
    // A failed sign-in is recorded after the answer: give it time to (not) appear.
    await new Promise((done) => setTimeout(done, 300));
    expect(await kinds(userId)).toEqual([]);
  });
});
