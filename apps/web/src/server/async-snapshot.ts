import { AsyncLocalStorage, AsyncResource } from "node:async_hooks";

/**
 * `AsyncLocalStorage.snapshot()` without Node 20's cost per call.
 *
 * Next calls `snapshot()` once per request of every route (its work store's
 * `runInCleanSnapshot`). On Node 20 it is `AsyncResource.bind`, which gives each bound function
 * a deprecated `asyncResource` getter and setter made by `util.deprecate`, whose
 * `Object.setPrototypeOf` costs 10–80 µs a call and more in a busy heap (a function made a
 * prototype invalidates V8's caches of prototype chains). Node fixed it later
 * (nodejs/node#58218); where a bound function still has that getter, `snapshot` is replaced by
 * the same function made directly: one AsyncResource (of the same type), made where
 * `snapshot()` is called, in whose scope the callback runs with the given arguments — Node's
 * own steps (`snapshot()` is `AsyncLocalStorage.bind((cb, ...args) => cb(...args))`), without
 * the deprecated property nobody reads. Returns whether it was replaced.
 */
export function cheaperAsyncSnapshots(): boolean {
  const bound = AsyncResource.bind(() => undefined) as unknown as object;
  if (!Object.getOwnPropertyDescriptor(bound, "asyncResource")?.get) return false;
  AsyncLocalStorage.snapshot = function snapshot() {
    const resource = new AsyncResource("bound-anonymous-fn");
    return <R, A extends unknown[]>(fn: (...args: A) => R, ...args: A): R =>
      resource.runInAsyncScope(fn, undefined, ...args);
  };
  return true;
}
