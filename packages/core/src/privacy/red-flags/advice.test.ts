import { describe, expect, it } from "vitest";

import { redFlagDetails, redFlagDetailsIn } from "./advice";
import { redFlagKinds } from "./rules";

describe("redFlagDetails", () => {
  it.each(redFlagKinds.map((kind) => [kind] as const))(
    "%s has a title, meaning and advice",
    (kind) => {
      const details = redFlagDetails[kind];
      expect(details.title.length).toBeGreaterThan(0);
      expect(details.meaning).toMatch(/\.$/);
      expect(details.advice).toMatch(/\.$/);
    },
  );

  it("tells the user to call back on a verified channel and never share a code", () => {
    expect(redFlagDetails.inbound_unverified.advice).toMatch(/call back on a channel you verified/);
    expect(redFlagDetails.asked_one_time_code.advice).toMatch(/Never share a one-time code/);
  });
});

describe("redFlagDetailsIn", () => {
  it.each(redFlagKinds.map((kind) => [kind] as const))("%s reads French too", (kind) => {
    const [english, french] = [redFlagDetailsIn("en")[kind], redFlagDetailsIn("fr-CA")[kind]];
    expect(english).toEqual(redFlagDetails[kind]);
    for (const part of ["title", "meaning", "advice"] as const) {
      expect(french[part]).not.toBe(english[part]);
      expect(french[part].length).toBeGreaterThan(0);
    }
  });

  it.each([
    ["asked_password", "title", "On vous a demandé votre mot de passe"],
    ["asked_one_time_code", "advice", /^Ne communiquez jamais un code à usage unique/],
    ["inbound_unverified", "advice", /rappelez par un canal que vous avez vérifié/],
  ] as const)("%s %s in French", (kind, part, expected) => {
    expect(redFlagDetailsIn("fr-CA")[kind][part]).toMatch(expected);
  });
});
