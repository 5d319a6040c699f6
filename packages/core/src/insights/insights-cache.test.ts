import { describe, expect, it } from "vitest";

import type { Insights } from "./insights";
import {
  asksForFreshInsights,
  forgetInsights,
  INSIGHTS_MEMORY_MS,
  rememberedInsights,
} from "./insights-cache";

const figures = (fromMonth: string) => ({ fromMonth }) as Insights;

describe("rememberedInsights", () => {
  it("reuses an answer for a few seconds, per user and filters, and forgets it on a change", async () => {
    let computed = 0;
    const compute = (month: string) => () => {
      computed += 1;
      return Promise.resolve(figures(month));
    };
    const t = 1_000_000;
    expect((await rememberedInsights("u1", "12m", compute("a"), t)).fromMonth).toBe("a");
    expect((await rememberedInsights("u1", "12m", compute("b"), t + 1_000)).fromMonth).toBe("a");
    // Another user, other filters: their own.
    expect((await rememberedInsights("u2", "12m", compute("c"), t + 1_000)).fromMonth).toBe("c");
    expect((await rememberedInsights("u1", "3m", compute("d"), t + 1_000)).fromMonth).toBe("d");
    // Stale after the memory's span.
    const later = t + INSIGHTS_MEMORY_MS;
    expect((await rememberedInsights("u1", "12m", compute("e"), later)).fromMonth).toBe("e");
    // The user changed something: computed again at once.
    forgetInsights("u1");
    expect((await rememberedInsights("u1", "12m", compute("f"), later + 1)).fromMonth).toBe("f");
    expect(computed).toBe(5);
  });

  it("shares one computation between concurrent asks, and does not remember a failure", async () => {
    let calls = 0;
    const failing = () => {
      calls += 1;
      return Promise.reject(new Error("down"));
    };
    const t = 2_000_000;
    const [a, b] = [
      rememberedInsights("u3", "k", failing, t),
      rememberedInsights("u3", "k", failing, t),
    ];
    await expect(a).rejects.toThrow("down");
    await expect(b).rejects.toThrow("down");
    expect(calls).toBe(1);
    const ok = await rememberedInsights("u3", "k", () => Promise.resolve(figures("x")), t + 1);
    expect(ok.fromMonth).toBe("x");
  });

  it("computes again when asked for fresh figures, and remembers the new answer", async () => {
    let computed = 0;
    const compute = (month: string) => () => {
      computed += 1;
      return Promise.resolve(figures(month));
    };
    const t = 3_000_000;
    expect((await rememberedInsights("u4", "12m", compute("a"), t)).fromMonth).toBe("a");
    const fresh = { fresh: true };
    expect((await rememberedInsights("u4", "12m", compute("b"), t + 1, fresh)).fromMonth).toBe("b");
    expect((await rememberedInsights("u4", "12m", compute("c"), t + 2)).fromMonth).toBe("b");
    expect(computed).toBe(2);
  });

  it.each([
    { header: "no-cache", fresh: true },
    { header: "No-Store", fresh: true },
    { header: "max-age=0, no-cache", fresh: true },
    { header: "max-age=0", fresh: false },
    { header: "no-cachex", fresh: false },
    { header: undefined, fresh: false },
  ])("Cache-Control: $header asks for fresh figures: $fresh", ({ header, fresh }) => {
    const headers = new Headers(header === undefined ? {} : { "cache-control": header });
    expect(asksForFreshInsights(headers)).toBe(fresh);
  });
});
