import { randomUUID } from "node:crypto";

import { z } from "zod";
import { describe, expect, it } from "vitest";

import { contactTimeInput, logContactInput } from "./schemas";

const caseId = randomUUID();
const errorsOf = (result: { success: boolean; error?: z.ZodError }) =>
  result.error ? z.flattenError(result.error).fieldErrors : {};

describe("contact times", () => {
  it("takes instants: a Date, or ISO text with Z or an offset", () => {
    for (const startedAt of [
      new Date("2026-12-01T22:00:00Z"),
      "2026-12-01T22:00:00.000Z",
      "2026-12-01T17:00-05:00",
    ]) {
      const parsed = logContactInput.parse({ caseId, channelKind: "phone", startedAt });
      expect(parsed.startedAt.toISOString()).toBe("2026-12-01T22:00:00.000Z");
    }
  });

  it("refuses a time without its zone, which each machine would read on its own clock", () => {
    const message = "Give the time with its offset or Z, such as 2026-12-08T17:00-05:00.";
    const logged = logContactInput.safeParse({
      caseId,
      channelKind: "phone",
      startedAt: "2026-12-01T17:00",
      followUpDueAt: "2026-12-03 17:00:00",
    });
    expect(errorsOf(logged)).toMatchObject({ startedAt: [message], followUpDueAt: [message] });
    const moved = contactTimeInput.safeParse({
      contactId: randomUUID(),
      startedAt: "2026-12-01T17:00",
    });
    expect(errorsOf(moved)).toMatchObject({ startedAt: [message] });
  });

  it("says which field is not a time", () => {
    const logged = logContactInput.safeParse({
      caseId,
      channelKind: "phone",
      startedAt: new Date(NaN),
      followUpDueAt: "next week",
    });
    expect(errorsOf(logged)).toMatchObject({
      startedAt: ["Enter when the contact started."],
      followUpDueAt: ["Enter the date and time they promised."],
    });
  });
});
