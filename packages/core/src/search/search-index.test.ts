import { eq, sql } from "@caseward/db";
import { questions } from "@caseward/db/schema";
import { describe, expect, it } from "vitest";

import { listCases } from "../cases/case-list";
import { openCase } from "../cases/case-service";
import { createCompany } from "../companies/company-service";
import {
  addQuestion,
  answerQuestion,
  reopenQuestion,
  updateQuestion,
} from "../questions/question-service";
import { createTestUser, useTestDatabase } from "../testing";
import { searchVectorsOf, storeSearchVectors } from "./search-index";

const db = useTestDatabase();

async function userWithQuestion() {
  const user = await createTestUser(db);
  const company = await createCompany(db, user.id, { name: "Bell", website: "bell.ca" });
  const opened = await openCase(db, user.id, { companyId: company.id, title: "Bill" });
  const question = await addQuestion(db, user.id, {
    caseId: opened.id,
    text: "Is the modem rental waived?",
  });
  const found = async (q: string) => (await listCases(db, user.id, { q })).total;
  return { user, question, found };
}

describe("the blind index follows every change of the text", () => {
  it("finds a question by its new words only, after each edit, answer and reopening", async () => {
    const { user, question, found } = await userWithQuestion();
    expect(await found("modem")).toBe(1);

    await updateQuestion(db, user.id, {
      questionId: question.id,
      text: "Is the router fee waived?",
    });
    expect(await found("modem")).toBe(0);
    expect(await found("router")).toBe(1);

    await answerQuestion(db, user.id, { questionId: question.id, answer: "Credited as goodwill" });
    expect(await found("goodwill")).toBe(1);
    expect(await found("router goodwill")).toBe(1);

    await reopenQuestion(db, user.id, question.id);
    expect(await found("goodwill")).toBe(0);
    expect(await found("router")).toBe(1);
  });

  it("never stores tokens of older text on a row changed after it was read", async () => {
    const { question, found } = await userWithQuestion();
    const [read] = await db.execute<{ version: string }>(
      sql`select xmin::text as version from questions where id = ${question.id}`,
    );
    const [oldVector] = await searchVectorsOf(db, ["Is the modem rental waived?"]);
    await db
      .update(questions)
      .set({ text: "Is the router fee waived?", search: null })
      .where(eq(questions.id, question.id));
    await storeSearchVectors(db, "questions", [
      { id: question.id, version: read!.version, vector: oldVector! },
    ]);
    const [row] = await db.execute<{ indexed: boolean }>(
      sql`select search is not null as indexed from questions where id = ${question.id}`,
    );
    expect(row?.indexed).toBe(false);
    expect(await found("modem")).toBe(0);
    expect(await found("router")).toBe(1);
  });
});
