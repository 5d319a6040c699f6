import { expect, test } from "@playwright/test";

import { scalingPort } from "../playwright.config";
import { mutate, newPerson, query } from "./fixtures";

// docs/scaling.md: web processes keep no state of their own. Two `next start` processes and
// two workers run on one database and one Redis (the "scaling" deployment of the Playwright
// config, with the auth rate limit on); any of them serves any request.
const webA = `http://localhost:${scalingPort}`;
const webB = `http://localhost:${scalingPort + 1}`;

test("@scaling a session made on one web process is valid on the other, and data written through one is read through the other", async ({
  request,
}) => {
  const person = newPerson("Noor Haddad");
  const signUp = await request.post(`${webA}/api/auth/sign-up/email`, { data: person });
  expect(signUp.status()).toBe(200);
  // The same cookie jar, the other process.
  const created = await request.post(`${webB}/api/trpc/company.create`, {
    data: { json: { name: "Bell", website: "bell.ca" } },
  });
  expect(created.status()).toBe(200);
  // `query` and `mutate` go to the project's baseURL: web A.
  const listed = await query<{ name: string }[]>(request, "company.list");
  expect(listed.data?.map((c) => c.name)).toEqual(["Bell"]);
  expect(
    (await mutate(request, "company.create", { name: "Rogers", website: "rogers.com" })).status,
  ).toBe(200);
  const fromB = await request.get(`${webB}/api/trpc/company.list`);
  expect(JSON.stringify(await fromB.json())).toContain("Rogers");
  const session = await request.get(`${webB}/api/auth/get-session`);
  expect(((await session.json()) as { user: { email: string } }).user.email).toBe(person.email);
});

test("@scaling wrong passwords counted on one web process lock the account on the other", async ({
  playwright,
}) => {
  const person = newPerson("Ines Moreau");
  const owner = await playwright.request.newContext();
  expect((await owner.post(`${webA}/api/auth/sign-up/email`, { data: person })).status()).toBe(200);
  await owner.dispose();

  // Five wrong passwords, alternating between the two processes, from two addresses so the
  // per-address limit is not what stops them: the per-account count is shared through Redis.
  const attacker = await playwright.request.newContext();
  const tries: number[] = [];
  for (let i = 0; i < 5; i++) {
    const response = await attacker.post(`${i % 2 === 0 ? webA : webB}/api/auth/sign-in/email`, {
      data: { email: person.email, password: `wrong password number ${i}` },
      headers: { "x-forwarded-for": `198.51.100.${i % 2}` },
    });
    tries.push(response.status());
  }
  expect(tries).toEqual([401, 401, 401, 401, 401]);
  // Even the right password is refused now, on either process, with a retry time.
  for (const web of [webA, webB]) {
    const locked = await attacker.post(`${web}/api/auth/sign-in/email`, {
      data: { email: person.email, password: person.password },
      headers: { "x-forwarded-for": "198.51.100.9" },
    });
    expect(locked.status()).toBe(429);
    expect(Number(locked.headers()["retry-after"])).toBeGreaterThan(60);
  }
  await attacker.dispose();
});

test("@scaling a stolen session cannot guess the password that guards an email change or a deletion", async ({
  request,
}) => {
  const person = newPerson("Aiko Tanaka");
  expect((await request.post(`${webA}/api/auth/sign-up/email`, { data: person })).status()).toBe(
    200,
  );
  // Wrong passwords through either process, on both guarded routes: counted as failed sign-ins.
  const tries: number[] = [];
  for (let i = 0; i < 5; i++) {
    const web = i % 2 === 0 ? webA : webB;
    const response =
      i % 2 === 0
        ? await request.post(`${web}/api/account/email`, {
            data: { newEmail: "thief@example.test", password: `guess number ${i}` },
          })
        : await request.post(`${web}/api/account/delete`, {
            data: { password: `guess number ${i}` },
          });
    tries.push(response.status());
  }
  expect(tries).toEqual([400, 400, 400, 400, 400]);
  const locked = await request.post(`${webB}/api/account/delete`, {
    data: { password: person.password },
  });
  expect(locked.status()).toBe(429);
  expect(Number(locked.headers()["retry-after"])).toBeGreaterThan(60);
  // Still there: the lock refused the right password too.
  const session = await request.get(`${webA}/api/auth/get-session`);
  expect(((await session.json()) as { user: { email: string } }).user.email).toBe(person.email);
});
