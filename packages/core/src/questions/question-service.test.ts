import { describe, expect, it } from "vitest";

import { openCase } from "../cases/case-service";
import { createCompany } from "../companies/company-service";
import { logContact } from "../contacts/contact-service";
import { DomainError } from "../errors";
import { createTestUser, useTestDatabase } from "../testing";
import {
  addQuestion,
  answerQuestion,
  deleteQuestion,
  listQuestions,
  reopenQuestion,
  reorderQuestions,
  updateQuestion,
} from "./question-service";

const db = useTestDatabase();

async function caseOf() {
  const user = await createTestUser(db);
  const company = await createCompany(db, user.id, { name: "WestJet", website: "westjet.com" });
  const opened = await openCase(db, user.id, {
    companyId: company.id,
    title: "Lost baggage claim",
  });
  return { user, caseId: opened.id };
}

const codeOf = (error: unknown) => (error instanceof DomainError ? error.code : error);

describe("questions", () => {
  it("keeps questions in priority order and reorders them", async () => {
    const { user, caseId } = await caseOf();
    const a = await addQuestion(db, user.id, { caseId, text: "When will my bag arrive?" });
    const b = await addQuestion(db, user.id, {
      caseId,
      text: "What compensation applies?",
      tier: "need",
    });
    const c = await addQuestion(db, user.id, {
      caseId,
      text: "Can I get a lounge pass?",
      tier: "nice",
    });
    expect(
      (await listQuestions(db, user.id, caseId)).map((q) => [q.text, q.tier, q.position]),
    ).toEqual([
      ["When will my bag arrive?", "need", 0],
      ["What compensation applies?", "need", 1],
      ["Can I get a lounge pass?", "nice", 2],
    ]);
    await reorderQuestions(db, user.id, { caseId, questionIds: [b.id, a.id, c.id] });
    expect((await listQuestions(db, user.id, caseId)).map((q) => q.id)).toEqual([b.id, a.id, c.id]);

    await deleteQuestion(db, user.id, b.id);
    expect((await listQuestions(db, user.id, caseId)).map((q) => [q.id, q.position])).toEqual([
      [a.id, 0],
      [c.id, 1],
    ]);
  });

  it("refuses a reorder that does not name every question once", async () => {
    const { user, caseId } = await caseOf();
    const a = await addQuestion(db, user.id, { caseId, text: "First question?" });
    await addQuestion(db, user.id, { caseId, text: "Second question?" });
    const error = await reorderQuestions(db, user.id, { caseId, questionIds: [a.id] }).catch(
      (e: unknown) => e,
    );
    expect(codeOf(error)).toBe("CONFLICT");
  });

  it("answers, re-tiers and reopens a question", async () => {
    const { user, caseId } = await caseOf();
    const q = await addQuestion(db, user.id, { caseId, text: "Is the claim number final?" });
    const answered = await answerQuestion(db, user.id, {
      questionId: q.id,
      answer: "Yes, WS-88123.",
    });
    expect(answered).toMatchObject({ answer: "Yes, WS-88123.", answeredInContactId: null });
    expect(answered.answeredAt).toBeInstanceOf(Date);
    expect((await updateQuestion(db, user.id, { questionId: q.id, tier: "nice" })).tier).toBe(
      "nice",
    );
    expect(await reopenQuestion(db, user.id, q.id)).toMatchObject({
      answer: null,
      answeredAt: null,
    });
  });

  it("links answers given during a contact session to that contact, and leaves the rest open", async () => {
    const { user, caseId } = await caseOf();
    const need1 = await addQuestion(db, user.id, { caseId, text: "When is the refund?" });
    const need2 = await addQuestion(db, user.id, { caseId, text: "Which account will it go to?" });
    const contact = await logContact(db, user.id, {
      caseId,
      channelKind: "phone",
      startedAt: new Date(Date.now() - 600_000),
      endedAt: new Date(),
      promisedFollowUp: "Call back with the amount",
      followUpDueAt: new Date(Date.now() + 86400_000),
      transcript: "Agent: hello\nMe: hi",
      recorded: true,
      answers: [{ questionId: need1.id, answer: "Within 10 business days." }],
    });
    expect(contact).toMatchObject({
      promisedFollowUp: "Call back with the amount",
      recorded: true,
    });
    const list = await listQuestions(db, user.id, caseId);
    expect(list.find((q) => q.id === need1.id)).toMatchObject({
      answeredInContactId: contact.id,
      answer: "Within 10 business days.",
    });
    // The open "need" question carries over to the next contact.
    expect(list.find((q) => q.id === need2.id)).toMatchObject({ answer: null });
  });

  it("refuses answers to questions of another case, and saves nothing of that contact", async () => {
    const mine = await caseOf();
    const other = await openCase(db, mine.user.id, {
      companyId: (await createCompany(db, mine.user.id, { name: "Bell", website: "bell.ca" })).id,
      title: "Other case here",
    });
    const foreign = await addQuestion(db, mine.user.id, {
      caseId: other.id,
      text: "Foreign question?",
    });
    const error = await logContact(db, mine.user.id, {
      caseId: mine.caseId,
      channelKind: "chat",
      startedAt: new Date(),
      notes: "should not be stored",
      answers: [{ questionId: foreign.id, answer: "nope" }],
    }).catch((e: unknown) => e);
    expect(codeOf(error)).toBe("BAD_REQUEST");
    expect(await listQuestions(db, mine.user.id, other.id)).toMatchObject([{ answer: null }]);
  });

  it("never shows or changes another user's questions", async () => {
    const { user, caseId } = await caseOf();
    const q = await addQuestion(db, user.id, { caseId, text: "Private question?" });
    const mallory = await createTestUser(db, "Mallory");
    expect(await listQuestions(db, mallory.id, caseId)).toEqual([]);
    for (const attempt of [
      () => addQuestion(db, mallory.id, { caseId, text: "Injected question?" }),
      () => answerQuestion(db, mallory.id, { questionId: q.id, answer: "x" }),
      () => updateQuestion(db, mallory.id, { questionId: q.id, text: "Changed by Mallory" }),
      () => reorderQuestions(db, mallory.id, { caseId, questionIds: [q.id] }),
      () => deleteQuestion(db, mallory.id, q.id),
    ]) {
      expect(codeOf(await attempt().catch((e: unknown) => e))).toBe("NOT_FOUND");
    }
    expect(await listQuestions(db, user.id, caseId)).toMatchObject([
      { text: "Private question?", answer: null },
    ]);
  });

  it("refuses a full card number in a question or an answer", async () => {
    const { user, caseId } = await caseOf();
    await expect(
      addQuestion(db, user.id, { caseId, text: "Is 4111 1111 1111 1111 blocked?" }),
    ).rejects.toThrow(/last 4 digits/);
    expect(await listQuestions(db, user.id, caseId)).toEqual([]);
  });
});
