import { eq } from "@caseward/db";
import { cases, notifications, questions, timers } from "@caseward/db/schema";
import { describe, expect, it } from "vitest";

import { resolveCase } from "../cases/case-lifecycle";
import { openCase } from "../cases/case-service";
import { createCompany } from "../companies/company-service";
import type { Mailer, OutgoingEmail } from "../mail";
import { createTestUser, useTestDatabase } from "../testing";
import { sendLeaseMs } from "./claim";
import { notificationMessageId, sendNotification, sendNotifications } from "./send";

// The one send path, seen through its two doors: a job's single notification (a batch of one)
// and a fired burst's list. A mailer that records or refuses stands in for SMTP.

const db = useTestDatabase();
const options = { baseUrl: "http://localhost:3000" };

function recordingMailer(refuse?: Error) {
  const sent: OutgoingEmail[] = [];
  const mailer: Mailer = {
    send(email) {
      if (refuse) return Promise.reject(refuse);
      sent.push(email);
      return Promise.resolve({ messageId: email.messageId! });
    },
    close: () => undefined,
  };
  return { mailer, sent };
}

/** The escalation email of a case whose response window passed, owed now (as fired). */
async function owedEscalation(emailVerified = true) {
  const user = await createTestUser(db, "Maya Chen", { emailVerified });
  const company = await createCompany(db, user.id, { name: "Rogers", website: "rogers.com" });
  const opened = await openCase(db, user.id, { companyId: company.id, title: "Outage" });
  await db.update(cases).set({ status: "escalation_due" }).where(eq(cases.id, opened.id));
  const owner = { ownerId: user.id, caseId: opened.id };
  const [timer] = await db
    .insert(timers)
    .values({ ...owner, kind: "response_window", dueAt: new Date(), status: "fired" })
    .returning();
  const [owed] = await db
    .insert(notifications)
    .values({
      ...owner,
      timerId: timer!.id,
      kind: "escalation",
      dedupeKey: `escalation-${timer!.id}`,
      sendAfter: new Date(),
    })
    .returning();
  return { caseId: opened.id, id: owed!.id };
}

const rowOf = async (id: string) =>
  (await db.select().from(notifications).where(eq(notifications.id, id)))[0]!;

describe("sendNotification (a batch of one)", () => {
  it("sends under the notification's Message-ID, stamps it sent, and is done after", async () => {
    const { id } = await owedEscalation();
    const { mailer, sent } = recordingMailer();
    expect(await sendNotification(db, mailer, id, options)).toBe("sent");
    expect(sent.map((email) => email.messageId)).toEqual([notificationMessageId(id)]);
    expect(await rowOf(id)).toMatchObject({
      state: "sent",
      attempts: 1,
      messageId: notificationMessageId(id),
      lastError: null,
    });
    expect(await sendNotification(db, mailer, id, options)).toBe("done");
    expect(sent).toHaveLength(1);
  });

  it("waits while another worker's lease holds it, or while it is not due", async () => {
    const { id } = await owedEscalation();
    const { mailer, sent } = recordingMailer();
    await db
      .update(notifications)
      .set({ state: "sending", lastAttemptAt: new Date(Date.now() - sendLeaseMs + 5_000) })
      .where(eq(notifications.id, id));
    expect(await sendNotification(db, mailer, id, options)).toBe("wait");
    await db
      .update(notifications)
      .set({ state: "pending", sendAfter: new Date(Date.now() + 3_600_000) })
      .where(eq(notifications.id, id));
    expect(await sendNotification(db, mailer, id, options)).toBe("wait");
    expect(sent).toEqual([]);
  });

  it("takes over a claim whose lease ended (its worker died mid-send)", async () => {
    const { id } = await owedEscalation();
    const { mailer } = recordingMailer();
    await db
      .update(notifications)
      .set({ state: "sending", attempts: 1, lastAttemptAt: new Date(Date.now() - sendLeaseMs) })
      .where(eq(notifications.id, id));
    expect(await sendNotification(db, mailer, id, options)).toBe("sent");
    expect(await rowOf(id)).toMatchObject({ state: "sent", attempts: 2 });
  });

  it("holds it while the owner's address is unconfirmed", async () => {
    const { id } = await owedEscalation(false);
    const { mailer, sent } = recordingMailer();
    expect(await sendNotification(db, mailer, id, options)).toBe("held");
    expect(await rowOf(id)).toMatchObject({ state: "held", attempts: 1 });
    expect(sent).toEqual([]);
  });

  it("cancels it when the case moved on", async () => {
    const { caseId, id } = await owedEscalation();
    await db.update(cases).set({ status: "resolved" }).where(eq(cases.id, caseId));
    const { mailer, sent } = recordingMailer();
    expect(await sendNotification(db, mailer, id, options)).toBe("cancelled");
    expect((await rowOf(id)).state).toBe("cancelled");
    expect(sent).toEqual([]);
  });

  it("does nothing for a job queued before the case was resolved: the email was cancelled, never claimed", async () => {
    const { caseId, id } = await owedEscalation();
    const user = (await rowOf(id)).ownerId;
    await resolveCase(db, user, { caseId, closingNote: "They refunded me" });
    expect((await rowOf(id)).state).toBe("cancelled");
    const { mailer, sent } = recordingMailer();
    expect(await sendNotification(db, mailer, id, options)).toBe("done");
    expect(await rowOf(id)).toMatchObject({ state: "cancelled", attempts: 0 });
    expect(sent).toEqual([]);
  });

  it("throws a failed send's error (the queue retries it), the row pending with the error", async () => {
    const { id } = await owedEscalation();
    const refused = new Error("550 mailbox unavailable");
    const { mailer } = recordingMailer(refused);
    await expect(sendNotification(db, mailer, id, options)).rejects.toBe(refused);
    expect(await rowOf(id)).toMatchObject({
      state: "pending",
      attempts: 1,
      lastError: "550 mailbox unavailable",
    });
  });
});

describe("the escalation email's questions", () => {
  it("lists the case's first three open need questions, in their order", async () => {
    const { caseId, id } = await owedEscalation();
    const [row] = await db
      .select({ ownerId: cases.ownerId })
      .from(cases)
      .where(eq(cases.id, caseId));
    await db.delete(questions).where(eq(questions.caseId, caseId));
    const question = (
      text: string,
      position: number,
      more: Partial<typeof questions.$inferInsert> = {},
    ) => ({ ownerId: row!.ownerId, caseId, text, position, ...more });
    await db
      .insert(questions)
      .values([
        question("Fourth open need question?", 4),
        question("Which plan am I on?", 2),
        question("Answered already?", 0, { answer: "Yes", answeredAt: new Date() }),
        question("A nice-to-know question?", 1, { tier: "nice" }),
        question("Why was I charged twice?", 1),
        question("When does the contract end?", 3),
      ]);
    const { mailer, sent } = recordingMailer();
    expect(await sendNotification(db, mailer, id, options)).toBe("sent");
    const text = sent[0]!.text;
    const shown = [
      "Why was I charged twice?",
      "Which plan am I on?",
      "When does the contract end?",
    ];
    expect(shown.map((q) => text.indexOf(q))).toEqual(
      [...shown.map((q) => text.indexOf(q))].sort((a, b) => a - b),
    );
    for (const q of shown) expect(text).toContain(q);
    // Three are read, as many as the email shows: no "more open questions" line.
    expect(text).not.toContain("more open question");
    for (const q of [
      "Fourth open need question?",
      "Answered already?",
      "A nice-to-know question?",
    ]) {
      expect(text).not.toContain(q);
    }
  });
});

describe("sendNotifications", () => {
  it("returns the ids whose send failed, each back to pending", async () => {
    const owed = [await owedEscalation(), await owedEscalation()];
    const ids = owed.map((o) => o.id);
    const { mailer } = recordingMailer(new Error("connection refused"));
    const result = await sendNotifications(db, mailer, ids, options);
    expect(result.sent).toBe(0);
    expect([...result.failed].sort()).toEqual([...ids].sort());
    for (const id of ids) expect((await rowOf(id)).state).toBe("pending");
  });
});
