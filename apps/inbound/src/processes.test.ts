// Several receiver processes on one port (INBOUND_PROCESSES, ./processes.ts): the real
// receiver as `pnpm start` runs it, spoken to over real SMTP sessions.
import { randomBytes } from "node:crypto";

import { getInboundAddress } from "@caseward/core";
import { createTestUser } from "@caseward/core/testing";
import { eq } from "@caseward/db";
import { createDatabase } from "@caseward/db/client";
import { inboundMessages } from "@caseward/db/schema";
import { spawnInbound } from "@caseward/services/inbound-process";
import { afterAll, describe, expect, inject, it } from "vitest";

import { deliver, message } from "./testing/smtp";

const domain = "inbound.localhost";
const connection = createDatabase(inject("databaseUrl"), { max: 3 });
const { db } = connection;
afterAll(() => connection.close());

const mail = (id: string) =>
  message(
    {
      From: "Rogers Support <help@rogers.com>",
      To: "me@example.com",
      Subject: "Your case 7781",
      Date: "Thu, 3 Dec 2026 10:00:00 -0500",
      "Message-ID": `<${id}@rogers.com>`,
    },
    "Your refund is on its way.",
  );

describe("the receiver as two processes", () => {
  it("stores each message once whichever process takes it, and stops cleanly", async () => {
    const receiver = await spawnInbound({
      databaseUrl: inject("databaseUrl"),
      redisUrl: inject("redisUrl"),
      queuePrefix: `${inject("queuePrefix")}procs`,
      domain,
      env: { INBOUND_PROCESSES: "2" },
    });
    try {
      const user = await createTestUser(db, "Rx Processes");
      const { token } = await getInboundAddress(db, user.id);
      const to = `${token}@${domain}`;
      const ids = Array.from({ length: 12 }, () => randomBytes(8).toString("hex"));
      // Each message twice at once, on connections of their own: the copies may land on
      // different processes, and one of each is stored.
      const answers = await Promise.all(
        [...ids, ...ids].map((id) => deliver(receiver.port, mail(id), to)),
      );
      expect(answers.map((answer) => answer.code)).toEqual(answers.map(() => 250));
      const rows = await db
        .select({ id: inboundMessages.id })
        .from(inboundMessages)
        .where(eq(inboundMessages.ownerId, user.id));
      expect(rows).toHaveLength(ids.length);

      const listening = [...receiver.output().matchAll(/"pid":(\d+)[^\n]*receiver listening/g)];
      expect(new Set(listening.map((line) => line[1])).size).toBe(2);
    } finally {
      receiver.kill("SIGTERM");
    }
    const exit = await receiver.exited;
    expect(exit.code).toBe(0);
    expect(receiver.output().match(/"msg":"inbound receiver stopped"/g)).toHaveLength(2);
  }, 90_000);
});
