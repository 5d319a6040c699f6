import { describe, expect, it } from "vitest";

import "./zod-jitless";

describe("zod-jitless", () => {
  it("turns zod's compiled parsers off in the configuration zod itself reads", async () => {
    const { z } = await import("zod");
    expect(z.config().jitless).toBe(true);
    // A parse still works without the compiled path.
    expect(z.object({ a: z.string() }).parse({ a: "x" })).toEqual({ a: "x" });
  });
});
