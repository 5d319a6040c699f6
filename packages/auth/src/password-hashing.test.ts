import { hashPassword as betterAuthScrypt } from "better-auth/crypto";
import { describe, expect, it } from "vitest";

import { hashPassword, verifyPassword } from "./password-hashing";

const password = "a long and boring passphrase";

describe("password hashing", () => {
  it("writes Argon2id with m = 19 MiB, t = 2, p = 1 and a fresh salt", async () => {
    const first = await hashPassword(password);
    const second = await hashPassword(password);
    expect(first).toMatch(
      /^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/,
    );
    expect(second).not.toBe(first);
    expect(await verifyPassword({ hash: first, password })).toBe(true);
    expect(await verifyPassword({ hash: first, password: `${password}!` })).toBe(false);
  });

  it("still accepts the scrypt hashes better-auth made by default", async () => {
    const legacy = await betterAuthScrypt(password);
    expect(legacy).toMatch(/^[0-9a-f]{32}:[0-9a-f]{128}$/);
    expect(await verifyPassword({ hash: legacy, password })).toBe(true);
    expect(await verifyPassword({ hash: legacy, password: "another long passphrase" })).toBe(false);
  });

  it("hashes all 128 characters: no truncation (ASVS V2.1.3)", async () => {
    const long = "a".repeat(127);
    const stored = await hashPassword(`${long}b`);
    expect(await verifyPassword({ hash: stored, password: `${long}b` })).toBe(true);
    expect(await verifyPassword({ hash: stored, password: `${long}c` })).toBe(false);
  });

  it("treats a composed and a decomposed accent as the same password", async () => {
    const stored = await hashPassword("crème brûlée au caramel");
    const decomposed = "crème brûlée au caramel".normalize("NFD");
    expect(await verifyPassword({ hash: stored, password: decomposed })).toBe(true);
  });

  it.each(["", "not a hash", "$argon2id$v=19$broken", "abc:def"])(
    "refuses the malformed hash %j",
    async (stored) => {
      expect(await verifyPassword({ hash: stored, password })).toBe(false);
    },
  );

  it("hashes at OWASP's Argon2id cost or more, as the stored hash itself says", async () => {
    // The cost, not a timing (a fast machine hashes these in ~5 ms): memory ≥ 19 MiB, 2 passes.
    const stored = await hashPassword(password);
    const [, algorithm, version, parameters] = stored.split("$");
    expect([algorithm, version]).toEqual(["argon2id", "v=19"]);
    const cost: Record<string, number> = Object.fromEntries(
      parameters!.split(",").map((pair): [string, number] => {
        const [name, value] = pair.split("=");
        return [name ?? "", Number(value)];
      }),
    );
    expect(Object.keys(cost).sort()).toEqual(["m", "p", "t"]);
    expect(cost.m).toBeGreaterThanOrEqual(19_456);
    expect(cost.t).toBeGreaterThanOrEqual(2);
    expect(cost.p).toBeGreaterThanOrEqual(1);
  });
});
