// The cheaper `AsyncLocalStorage.snapshot()` (instrumentation.ts) keeps Node's behaviour: the
// callback runs in the stores of where the snapshot was taken, with its arguments (and no
// `this`), and gives back what it returns or throws.
import { AsyncLocalStorage } from "node:async_hooks";
import { afterAll, describe, expect, it } from "vitest";

import { cheaperAsyncSnapshots } from "./async-snapshot";

const nodeSnapshot = AsyncLocalStorage.snapshot.bind(AsyncLocalStorage);
afterAll(() => {
  AsyncLocalStorage.snapshot = nodeSnapshot;
});

function behaviour(snapshot: typeof AsyncLocalStorage.snapshot) {
  const a = new AsyncLocalStorage<string>();
  const b = new AsyncLocalStorage<number>();
  const taken = a.run("outer", () => b.run(1, () => snapshot()));
  const seen = a.run("inner", () =>
    b.run(2, () =>
      taken.call(
        { me: true },
        function (this: unknown, x: number, y: string) {
          return { a: a.getStore(), b: b.getStore(), self: this, args: [x, y] };
        },
        7,
        "z",
      ),
    ),
  );
  const after = a.run("inner", () => taken(() => a.getStore()) + "/" + a.getStore());
  const none = taken(() => a.getStore());
  let thrown: unknown;
  try {
    taken(() => {
      throw new Error("boom");
    });
  } catch (error) {
    thrown = (error as Error).message;
  }
  return { seen, after, none, thrown, outside: a.getStore() };
}

describe("cheaperAsyncSnapshots", () => {
  it("runs the callback in the snapshot's stores, as Node's own snapshot does", async () => {
    const node = behaviour(nodeSnapshot);
    cheaperAsyncSnapshots();
    const cheaper = behaviour(AsyncLocalStorage.snapshot.bind(AsyncLocalStorage));
    expect(cheaper).toEqual(node);
    expect(cheaper.seen).toEqual({ a: "outer", b: 1, self: undefined, args: [7, "z"] });
    expect(cheaper.after).toBe("outer/inner");
    // Stores set later, in an awaited callback, stay the snapshot's.
    const a = new AsyncLocalStorage<string>();
    const taken = a.run("then", () => AsyncLocalStorage.snapshot());
    await expect(
      taken(async () => {
        await Promise.resolve();
        return a.getStore();
      }),
    ).resolves.toBe("then");
  });
});
