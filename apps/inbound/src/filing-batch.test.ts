import { describe, expect, it } from "vitest";

import { filingBatch } from "./filing-batch";

describe("filingBatch", () => {
  it("queues the ids of calls made within the window together, and each call learns its batch's fate", async () => {
    const batches: string[][] = [];
    const queue = filingBatch(
      (ids) => {
        batches.push(ids);
        return ids.includes("bad") ? Promise.reject(new Error("redis away")) : Promise.resolve();
      },
      { windowMs: 20 },
    );
    const first = [queue(["a"]), queue(["b", "c"])];
    await Promise.all(first);
    const failed = queue(["bad"]);
    await expect(failed).rejects.toThrow("redis away");
    await queue(["d"]);
    expect(batches).toEqual([["a", "b", "c"], ["bad"], ["d"]]);
  });

  it("queues at once when a batch is full", async () => {
    const batches: string[][] = [];
    const queue = filingBatch((ids) => Promise.resolve(void batches.push(ids)), {
      windowMs: 60_000,
      maxIds: 3,
    });
    await Promise.all([queue(["a", "b"]), queue(["c"])]);
    expect(batches).toEqual([["a", "b", "c"]]);
  });
});
