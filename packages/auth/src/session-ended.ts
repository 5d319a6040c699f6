import type { RedisConnection } from "@caseward/core/redis";

/**
 * The Redis pub/sub channel on which a session store says "this key changed or is gone": the
 * message is the key's keyed hash (the same one its Redis key ends with), nothing else.
 */
export const sessionEndedChannel = (prefix: string) => `${prefix}:auth:session-ended`;

type Listener = (hash: string) => void;

// The caches of this process on a connection hear its own stores at once, before the write:
// the published message reaches them only a round trip later (./session-cache.ts).
const listenersByConnection = new WeakMap<RedisConnection, Set<Listener>>();

/** `listener` hears every key the stores of `redis` end or change; undoes itself when called. */
export function onSessionEndedHere(redis: RedisConnection, listener: Listener) {
  let listeners = listenersByConnection.get(redis);
  if (!listeners) listenersByConnection.set(redis, (listeners = new Set()));
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Tells this process's caches on `redis` that the key of `hash` is ending or changing. */
export function sessionEndedHere(redis: RedisConnection, hash: string) {
  for (const listener of listenersByConnection.get(redis) ?? []) listener(hash);
}
