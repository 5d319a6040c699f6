import { describe, expect, it } from "vitest";

import { emailProblemOf } from "./email-problem";

describe("emailProblemOf", () => {
  it.each([
    ["connect ECONNREFUSED 127.0.0.1:2525", "could not reach its mail server"],
    ["Connection timeout", "could not reach its mail server"],
    ["Invalid login: 535 5.7.8 Authentication failed", "refused Caseward's sign-in"],
    [
      "Can't send mail - all recipients were rejected: 550 5.1.1 <x@y.test>: Recipient address rejected",
      "refused the message",
    ],
    ["451 4.7.1 Greylisted, try again later", "try later"],
    ["something nobody foresaw", "could not be sent"],
  ])("%s → a sentence (%s)", (raw, words) => {
    const problem = emailProblemOf(raw)!;
    expect(problem).toContain(words);
    // None of the server's own text reaches the user.
    expect(problem).not.toMatch(/\d{3}|ECONN|127\.0\.0\.1|@/);
  });

  it("says it in the user's language", () => {
    expect(emailProblemOf("connect ECONNREFUSED 127.0.0.1:2525", "fr-CA")).toBe(
      "Caseward n’a pas pu joindre son serveur de courriel. Il réessaiera de lui-même.",
    );
    expect(emailProblemOf("something nobody foresaw", "fr-CA")).toMatch(/^Le courriel n’a pas pu/);
  });

  it("says nothing when nothing went wrong", () => {
    expect(emailProblemOf(null)).toBeNull();
    expect(emailProblemOf("")).toBeNull();
  });
});
