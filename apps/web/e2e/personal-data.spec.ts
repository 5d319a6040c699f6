import { createHash, randomBytes, randomInt } from "node:crypto";
import { readFileSync } from "node:fs";

import { expect, test } from "@playwright/test";
import { Redis } from "ioredis";

import { deploymentOf } from "./deployment";
import type { TrpcAnswer } from "./fixtures";
import { confirmEmailFromMailbox, mutate, newPerson, query } from "./fixtures";

// Issue 6, item 9: a whole flow through the scaling deployment (two web processes, two
// workers, the auth rate limit on, the worker logging at debug), then everything the processes
// printed and everything in Redis is searched for the personal data the flow used.

/** Every value of every key in Redis, read by type (DUMP would compress long strings). */
async function everythingIn(redis: Redis) {
  const texts: string[] = [];
  let cursor = "0";
  do {
    const [next, keys] = await redis.scan(cursor, "COUNT", 1000);
    cursor = next;
    const types = await Promise.all(keys.map((key) => redis.type(key)));
    const values = await Promise.all(
      keys.map(async (key, i) => {
        switch (types[i]) {
          case "string":
            return redis.get(key);
          case "hash":
            return redis.hgetall(key);
          case "list":
            return redis.lrange(key, 0, -1);
          case "set":
            return redis.smembers(key);
          case "zset":
            return redis.zrange(key, 0, -1);
          case "stream":
            return redis.xrange(key, "-", "+");
          default:
            return null;
        }
      }),
    );
    keys.forEach((key, i) => texts.push(key, JSON.stringify(values[i])));
  } while (cursor !== "0");
  return texts.join("\n");
}

/** The answer of a call that must succeed; its body is the message when it does not. */
function ok<T>(answer: TrpcAnswer<T>) {
  expect(answer.status, answer.raw).toBe(200);
  return answer.data!;
}

test("@scaling a whole flow leaves no personal data in the logs or in Redis, and job payloads hold ids only", async ({
  playwright,
  page,
  baseURL,
}) => {
  const request = page.request;
  test.setTimeout(120_000);
  const unique = randomBytes(3).toString("hex");
  const person = newPerson(`Ottoline Brackenridge${unique}`);
  const personal = {
    name: person.name,
    email: person.email,
    password: person.password,
    representative: `Desmond Quillfeather${unique}`,
    reference: `REF-${unique}-7731`,
    notes: `lives at 88 Larkspur Crescent ${unique}`,
    address: `88 Larkspur Crescent ${unique}`,
    fileName: `brackenridge-statement-${unique}.txt`,
    fileContent: `Statement of Ottoline ${unique}`,
    networkAddress: `203.0.113.${randomInt(1, 255)}`,
  };

  expect((await request.post("/api/auth/sign-up/email", { data: person })).status()).toBe(200);
  // Reminders go to a confirmed address only.
  await confirmEmailFromMailbox(page);
  ok(
    await mutate(request, "settings.update", {
      timeZone: "America/Toronto",
      country: "CA",
      subdivision: "QC",
      quietHoursStart: "00:00",
      quietHoursEnd: "00:00",
      emailEscalations: true,
    }),
  );
  const company = ok(
    await mutate<{ id: string }>(request, "company.create", {
      name: "Northwind Telecom",
      website: "northwindtelecom.com",
    }),
  );
  const companyId = company.id;
  const channel = ok(
    await mutate<{ id: string }>(request, "channel.add", {
      companyId,
      kind: "email",
      value: "support@northwindtelecom.com",
      provenance: "statement",
      verified: true,
    }),
  );
  ok(
    await mutate(request, "channel.add", {
      companyId,
      kind: "phone",
      value: "1 888 555 0199",
      provenance: "bill",
      verified: true,
    }),
  );
  const { id: caseId } = ok(
    await mutate<{ id: string }>(request, "case.open", {
      companyId,
      title: "Charged twice for one month",
    }),
  );
  // Ten days unanswered: the escalation timer is due at once and its email goes out.
  const contact = ok(
    await mutate<{ id: string }>(request, "contact.log", {
      caseId,
      channelId: channel.id,
      channelKind: "email",
      startedAt: new Date(Date.now() - 10 * 86400_000).toISOString(),
      representativeName: personal.representative,
      referenceNumber: personal.reference,
      notes: `Told them I ${personal.notes}; they said to act now or lose the refund.`,
      disclosures: [{ kind: "address", asked: true, detail: personal.address }],
      redFlags: ["pressure_to_act_now"],
    }),
  );
  const upload = await request.post(`/api/contacts/${contact.id}/attachments`, {
    multipart: {
      file: {
        name: personal.fileName,
        mimeType: "text/plain",
        buffer: Buffer.from(personal.fileContent),
      },
    },
  });
  expect(upload.status()).toBe(201);
  expect((await request.get("/api/account/export")).status()).toBe(200);
  // A wrong password: the failed-sign-in counters are written to Redis.
  const stranger = await playwright.request.newContext({ baseURL });
  const wrong = await stranger.post("/api/auth/sign-in/email", {
    data: { email: person.email, password: "not the right passphrase" },
    headers: { "x-forwarded-for": personal.networkAddress },
  });
  expect(wrong.status()).toBe(401);
  await stranger.dispose();

  // The escalation email is out: the worker has done its part of the flow.
  await expect
    .poll(
      async () => {
        const found = await query<{ notifications: { kind: string; state: string }[] }>(
          request,
          "case.byId",
          { caseId },
        );
        return found.data?.notifications.map((email) => `${email.kind} ${email.state}`);
      },
      { timeout: 60_000 },
    )
    .toContain("escalation sent");

  const deployment = deploymentOf(baseURL!);
  const redis = new Redis(deployment.redisUrl);
  try {
    const logs = readFileSync(deployment.logFile, "utf8");
    const stored = await everythingIn(redis);
    // The worker did log this flow's jobs, so the scan below has something to miss.
    expect(logs).toMatch(/"msg":"job done"/);
    expect(stored).toContain(`${deployment.queuePrefix}:timers`);
    const emailHash = createHash("sha256").update(person.email).digest("hex");
    for (const [what, value] of Object.entries({ ...personal, emailHash })) {
      expect(logs.includes(value), `${what} in the logs`).toBe(false);
      expect(stored.includes(value), `${what} in Redis`).toBe(false);
    }

    // Job payloads: ids only.
    const jobKeys = await redis.keys(`${deployment.queuePrefix}:*:*`);
    const payloads: Record<string, string>[] = [];
    for (const key of jobKeys) {
      if ((await redis.type(key)) !== "hash") continue;
      const data = await redis.hget(key, "data");
      if (data) payloads.push(JSON.parse(data) as Record<string, string>);
    }
    expect(payloads.length).toBeGreaterThan(2);
    for (const payload of payloads) {
      for (const [field, value] of Object.entries(payload)) {
        expect(field).toMatch(/^(userId|notificationId|timerId)$/);
        expect(value).toMatch(/^[A-Za-z0-9-]{32,36}$/);
      }
    }
  } finally {
    redis.disconnect();
  }
});
