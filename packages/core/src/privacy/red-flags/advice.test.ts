import { describe, expect, it } from "vitest";

import { redFlagDetails } from "./advice";
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
