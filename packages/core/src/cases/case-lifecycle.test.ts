import { eq } from "@caseward/db";
import { cases, contacts, fileChunks, notifications, timers } from "@caseward/db/schema";
import { describe, expect, it } from "vitest";
import { z, ZodError } from "zod";

import { addAttachment } from "../attachments/attachment-service";
import { createCompany } from "../companies/company-service";
import { logContact } from "../contacts/contact-service";
import { DomainError } from "../errors";
import { createTestUser, useTestDatabase } from "../testing";
import { abandonCase, deleteCase, reopenCase, resolveCase, updateCase } from "./case-lifecycle";
import { caseGroupOfStatus, listCases } from "./case-list";
import { getCase, openCase } from "./case-service";

const db = useTestDatabase();

/** A case whose email went out an hour ago: its response window is pending. */
async function caseAwaitingCompany() {
  const user = await createTestUser(db);
  const company = await createCompany(db, user.id, { name: "Rogers", website: "rogers.com" });
  const opened = await openCase(db, user.id, {
    companyId: company.id,
    title: "Internet outage",
    description: "Down since Monday",
  });
  const contact = await logContact(db, user.id, {
    caseId: opened.id,
    channelKind: "email",
    startedAt: new Date(Date.now() - 3_600_000),
  });
  return { user, company, caseId: opened.id, contact };
}

const errorOf = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (e: unknown) => e as DomainError,
  );

/** The messages per field of a refused input, as the API sends them. */
async function fieldErrorsOf(
  promise: Promise<unknown>,
): Promise<Record<string, string[] | undefined> | undefined> {
  const error = await errorOf(promise);
  if (error instanceof ZodError) return z.flattenError(error).fieldErrors;
  return error?.fieldErrors;
}

const rowOf = async (caseId: string) =>
  (await db.select().from(cases).where(eq(cases.id, caseId)))[0]!;

const timersOf = (caseId: string) =>
  db.select().from(timers).where(eq(timers.caseId, caseId)).orderBy(timers.createdAt);

/** Owes an email about the case in the given state, as a fired timer or a red flag would. */
async function owe(
  caseId: string,
  ownerId: string,
  kind: "escalation" | "promise_due" | "red_flag",
  state: "pending" | "held" | "sent",
) {
  const [row] = await db
    .insert(notifications)
    .values({
      ownerId,
      caseId,
      kind,
      state,
      dedupeKey: `${kind}-${caseId}-${state}`,
      sendAfter: new Date(Date.now() + 3_600_000),
    })
    .returning();
  return row!.id;
}

const stateOf = async (id: string) =>
  (await db.select().from(notifications).where(eq(notifications.id, id)))[0]!.state;

describe("resolving and giving up on a case", () => {
  it("resolves with the outcome and how satisfied: pending timers and unsent emails are cancelled, history stays", async () => {
    const { user, caseId } = await caseAwaitingCompany();
    const [fired] = await db
      .insert(timers)
      .values({
        ownerId: user.id,
        caseId,
        kind: "promised_follow_up",
        dueAt: new Date(),
        status: "fired",
      })
      .returning();
    const pending = await owe(caseId, user.id, "escalation", "pending");
    const held = await owe(caseId, user.id, "promise_due", "held");
    const sent = await owe(caseId, user.id, "escalation", "sent");
    const advice = await owe(caseId, user.id, "red_flag", "pending");

    const resolved = await resolveCase(db, user.id, {
      caseId,
      closingNote: "  Refund of $40 credited\non the next bill ",
      satisfaction: "4",
    });
    expect(resolved).toMatchObject({
      status: "resolved",
      closingNote: "Refund of $40 credited on the next bill",
      satisfaction: 4,
    });
    expect(resolved.closedAt).toBeInstanceOf(Date);
    expect((await timersOf(caseId)).map((t) => [t.kind, t.status])).toEqual([
      ["response_window", "cancelled"],
      ["promised_follow_up", "fired"],
    ]);
    expect(fired!.status).toBe("fired");
    expect(await stateOf(pending)).toBe("cancelled");
    expect(await stateOf(held)).toBe("cancelled");
    expect(await stateOf(sent)).toBe("sent");
    // Safety advice is not about the case's progress: it still goes out.
    expect(await stateOf(advice)).toBe("pending");

    const { groups } = await listCases(db, user.id, {});
    expect(groups[caseGroupOfStatus.resolved].map((c) => c.id)).toContain(caseId);
    const page = await getCase(db, user.id, caseId);
    expect(page.deadlines).toEqual([]);
    expect(page).toMatchObject({ closingNote: "Refund of $40 credited on the next bill" });
  });

  it("gives up with a reason, and the case is in the abandoned group", async () => {
    const { user, caseId } = await caseAwaitingCompany();
    const abandoned = await abandonCase(db, user.id, {
      caseId,
      closingNote: "Not worth the hours on hold",
    });
    expect(abandoned).toMatchObject({
      status: "abandoned",
      closingNote: "Not worth the hours on hold",
      satisfaction: null,
    });
    const { groups } = await listCases(db, user.id, {});
    expect(groups[caseGroupOfStatus.abandoned].map((c) => c.id)).toContain(caseId);
    expect((await timersOf(caseId)).map((t) => t.status)).toEqual(["cancelled"]);
  });

  it("refuses an empty outcome or an unknown satisfaction with a message per field, and changes nothing", async () => {
    const { user, caseId } = await caseAwaitingCompany();
    expect(await fieldErrorsOf(resolveCase(db, user.id, { caseId, closingNote: "   " }))).toEqual({
      closingNote: ["Say in one line how it ended."],
    });
    expect(
      await fieldErrorsOf(
        resolveCase(db, user.id, { caseId, closingNote: "Fixed", satisfaction: 6 }),
      ),
    ).toEqual({ satisfaction: ["Pick how satisfied you are, from 1 to 5."] });
    const secret = await fieldErrorsOf(
      abandonCase(db, user.id, { caseId, closingNote: "They kept my card 4111 1111 1111 1111" }),
    );
    expect(secret?.closingNote?.[0]).toMatch(/card number/i);
    expect(await rowOf(caseId)).toMatchObject({ status: "awaiting_company", closingNote: null });
    expect((await timersOf(caseId)).map((t) => t.status)).toEqual(["pending"]);
  });
});

describe("reopening a case", () => {
  it("goes back to where its last contact left it, starts no timer, and forgets the closing note", async () => {
    const { user, caseId } = await caseAwaitingCompany();
    await resolveCase(db, user.id, { caseId, closingNote: "Technician came", satisfaction: 5 });
    const reopened = await reopenCase(db, user.id, { caseId });
    expect(reopened).toMatchObject({
      status: "awaiting_company",
      closedAt: null,
      closingNote: null,
      satisfaction: null,
    });
    expect((await timersOf(caseId)).map((t) => t.status)).toEqual(["cancelled"]);
    expect((await getCase(db, user.id, caseId)).deadlines).toEqual([]);

    // A contact that asks for a window starts one.
    await logContact(db, user.id, { caseId, channelKind: "web_form", startedAt: new Date() });
    expect((await timersOf(caseId)).map((t) => t.status)).toEqual(["cancelled", "pending"]);
  });

  it("is open when its last contact had said resolved, and stays open when that contact is edited", async () => {
    const user = await createTestUser(db);
    const company = await createCompany(db, user.id, { name: "Bell", website: "bell.ca" });
    const opened = await openCase(db, user.id, { companyId: company.id, title: "Wrong plan" });
    await logContact(db, user.id, {
      caseId: opened.id,
      channelKind: "phone",
      startedAt: new Date(),
      outcome: "resolved",
    });
    expect((await rowOf(opened.id)).status).toBe("resolved");
    expect((await reopenCase(db, user.id, { caseId: opened.id })).status).toBe("open");
    // Reopening an open case changes nothing.
    expect((await reopenCase(db, user.id, { caseId: opened.id })).status).toBe("open");
  });
});

describe("editing and deleting a case", () => {
  it("edits the title, description and priority through the rules of opening one", async () => {
    const { user, caseId } = await caseAwaitingCompany();
    const updated = await updateCase(db, user.id, {
      caseId,
      title: "Internet outage, second week",
      description: "",
      priority: "high",
    });
    expect(updated).toMatchObject({
      title: "Internet outage, second week",
      description: null,
      priority: "high",
      status: "awaiting_company",
    });
    expect(await fieldErrorsOf(updateCase(db, user.id, { caseId, title: "No" }))).toEqual({
      title: ["Say in a few words what the problem is."],
    });
    expect((await rowOf(caseId)).title).toBe("Internet outage, second week");
  });

  it("deletes the case with its contacts, timers, emails and files", async () => {
    const { user, caseId, contact } = await caseAwaitingCompany();
    const file = await addAttachment(db, user.id, {
      contactId: contact.id,
      fileName: "chat.txt",
      bytes: new TextEncoder().encode("chat log"),
    });
    const chunksOfFile = () =>
      db.select().from(fileChunks).where(eq(fileChunks.attachmentId, file.id));
    expect(await chunksOfFile()).toHaveLength(1);
    await owe(caseId, user.id, "escalation", "sent");

    expect(await deleteCase(db, user.id, { caseId })).toMatchObject({ caseId });
    expect(await db.select().from(cases).where(eq(cases.id, caseId))).toEqual([]);
    expect(await db.select().from(contacts).where(eq(contacts.caseId, caseId))).toEqual([]);
    expect(await timersOf(caseId)).toEqual([]);
    expect(await db.select().from(notifications).where(eq(notifications.caseId, caseId))).toEqual(
      [],
    );
    expect(await chunksOfFile()).toEqual([]);
  });

  it("answers NOT_FOUND to another user for every change, and changes nothing", async () => {
    const { user, caseId } = await caseAwaitingCompany();
    const mallory = await createTestUser(db, "Mallory");
    const before = await getCase(db, user.id, caseId);
    const tries = [
      () => updateCase(db, mallory.id, { caseId, title: "Taken over" }),
      () => resolveCase(db, mallory.id, { caseId, closingNote: "Closed by someone else" }),
      () => abandonCase(db, mallory.id, { caseId, closingNote: "Given up by someone else" }),
      () => reopenCase(db, mallory.id, { caseId }),
      () => deleteCase(db, mallory.id, { caseId }),
    ];
    for (const attempt of tries) {
      const error = await errorOf(attempt());
      expect(error).toBeInstanceOf(DomainError);
      expect(error!.code).toBe("NOT_FOUND");
    }
    const after = await getCase(db, user.id, caseId);
    expect({ ...after, deadlines: [] }).toEqual({ ...before, deadlines: [] });
    expect(after.deadlines.map((d) => d.id)).toEqual(before.deadlines.map((d) => d.id));
  });
});
