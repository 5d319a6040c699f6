import { randomBytes } from "node:crypto";

import type { RedisConnection } from "@caseward/core/redis";
import { isCluster } from "@caseward/core/redis";
import { Redis } from "ioredis";

import { onSessionEndedHere, sessionEndedChannel } from "./session-ended";

export interface SessionCacheSettings {
  /** Namespace of the Redis keys and of the channel (the queue prefix). */
  prefix: string;
  /** Sessions kept at most (the least recently read goes first). */
  maxEntries?: number;
  /** A session is read from Redis again at least this often. */
  maxAgeMs?: number;
  /** This process says "still listening" on the channel this often… */
  heartbeatMs?: number;
  /** …and the cache is off when it has not heard itself for this long. */
  deafAfterMs?: number;
}

/** The Redis keys a kept session depends on, by their keyed hashes (./session-storage.ts). */
export interface SessionKeys {
  session: string;
  /** Its user's revocation mark ("signed out everywhere before…"). */
  mark: string;
}

interface Kept<Value> {
  value: Value;
  until: number;
  mark: string;
}

/**
 * Sessions read recently, in this process's memory, so that a request needs no Redis round
 * trip for its session (issue 17). Every process hears on a Redis channel which keys the
 * session stores of every process wrote or deleted (./session-ended.ts) and drops what depends
 * on them; this process's own stores are heard at once.
 *
 * Fail closed: the cache answers only while its subscription is known to be in place, which
 * means subscribed on a connection that has not closed since and its own heartbeat heard back
 * within `deafAfterMs` (a cluster moves its subscriber between nodes without telling). Otherwise
 * it is emptied and every read goes to Redis, so a missed message can never keep a session
 * alive. A session read from Redis is kept only if nothing was heard of its keys since the
 * read began (a copy read just before its deletion is not kept after it).
 */
export function createSessionCache<Value>(redis: RedisConnection, settings: SessionCacheSettings) {
  const maxEntries = settings.maxEntries ?? 10_000;
  const maxAgeMs = settings.maxAgeMs ?? 60_000;
  const heartbeatMs = settings.heartbeatMs ?? 1_000;
  const deafAfterMs = settings.deafAfterMs ?? 3 * heartbeatMs;
  const reopenMs = 250;
  const channel = sessionEndedChannel(settings.prefix);
  // A heartbeat names this cache only: a random id, nothing of anyone's.
  const heartbeat = `heartbeat:${randomBytes(8).toString("hex")}`;

  const kept = new Map<string, Kept<Value>>();
  const sessionsOfMark = new Map<string, Set<string>>();
  // Heard keys by the count of events at the time, for `put`; the oldest forgotten go first,
  // and `forgottenUpTo` then refuses anything begun before them.
  let events = 0;
  const heardAt = new Map<string, number>();
  let forgottenUpTo = 0;
  let subscribedSince = 0;
  let heardHeartbeatAt = -Infinity;
  let started = false;
  let closed = false;
  let subscriber: RedisConnection | undefined;
  let timer: NodeJS.Timeout | undefined;

  function forget(session: string) {
    const entry = kept.get(session);
    if (!entry) return;
    kept.delete(session);
    const sessions = sessionsOfMark.get(entry.mark);
    sessions?.delete(session);
    if (sessions?.size === 0) sessionsOfMark.delete(entry.mark);
  }

  function heard(hash: string) {
    events++;
    heardAt.delete(hash);
    heardAt.set(hash, events);
    if (heardAt.size > maxEntries) {
      const [oldest, at] = heardAt.entries().next().value!;
      heardAt.delete(oldest);
      forgottenUpTo = at;
    }
    forget(hash);
    for (const session of sessionsOfMark.get(hash) ?? []) forget(session);
  }

  function clear() {
    events++;
    forgottenUpTo = events;
    heardAt.clear();
    kept.clear();
    sessionsOfMark.clear();
  }

  function deaf() {
    subscribedSince = 0;
    heardHeartbeatAt = -Infinity;
    clear();
  }

  const listening = (now: number) => subscribedSince > 0 && now - heardHeartbeatAt < deafAfterMs;

  const stopHearingHere = onSessionEndedHere(redis, heard);

  // Our own subscriber connection, never reconnected: each one is subscribed by hand and
  // listened to until it closes, then a new one is made (on a cluster, to any live node:
  // classic PUBLISH reaches every node). So "subscribed" always means "on this connection,
  // which has not closed since", which ioredis's own resubscription does not tell.
  function newSubscriber(): Redis {
    const own = { lazyConnect: true, autoResubscribe: false, retryStrategy: () => null };
    if (!isCluster(redis)) return redis.duplicate(own);
    const nodes = redis.nodes("all").filter((node) => node.status === "ready");
    const node = nodes[Math.floor(Math.random() * nodes.length)];
    if (!node) throw new Error("no cluster node known yet");
    return new Redis({ ...node.options, ...own });
  }

  function open() {
    if (closed) return;
    let connection: Redis;
    try {
      connection = newSubscriber();
    } catch {
      // A cluster connects lazily: the heartbeat makes it find its nodes.
      redis.publish(channel, heartbeat).catch(() => undefined);
      setTimeout(open, reopenMs).unref();
      return;
    }
    subscriber = connection;
    connection.on("error", () => undefined);
    connection.on("message", (from: string, message: string) => {
      if (from !== channel || subscriber !== connection) return;
      if (message === heartbeat) heardHeartbeatAt = performance.now();
      else if (!message.startsWith("heartbeat:")) heard(message);
    });
    connection.on("close", () => {
      if (subscriber === connection) deaf();
    });
    connection.once("end", () => {
      if (subscriber !== connection) return;
      deaf();
      subscriber = undefined;
      setTimeout(open, reopenMs).unref();
    });
    connection.once("ready", () => {
      connection
        .subscribe(channel)
        .then(async () => {
          if (subscriber !== connection || connection.status !== "ready") return;
          subscribedSince = ++events;
          await redis.publish(channel, heartbeat);
        })
        .catch(() => connection.disconnect());
    });
    connection.connect().catch(() => undefined);
  }

  function start() {
    started = true;
    open();
    timer = setInterval(() => {
      if (subscribedSince > 0) redis.publish(channel, heartbeat).catch(() => undefined);
    }, heartbeatMs);
    timer.unref();
  }

  /** Whether kept sessions may be answered now; empties the cache when not. */
  function usable() {
    if (closed) return false;
    if (!started) start();
    if (listening(performance.now())) return true;
    if (kept.size > 0) clear();
    return false;
  }

  return {
    /** The session kept under this key, while it is still valid and the cache is listening. */
    get(session: string, now: number): Value | undefined {
      if (!usable()) return undefined;
      const entry = kept.get(session);
      if (!entry) return undefined;
      if (entry.until <= now) {
        forget(session);
        return undefined;
      }
      // Least recently read goes first: a read moves it to the end.
      kept.delete(session);
      kept.set(session, entry);
      return entry.value;
    },

    /** Taken before reading Redis, and given to `put`. */
    begin: () => events,

    /**
     * Keeps a session read from Redis since `begun`, until `until` (its expiry, or when it is
     * due for renewal) or `maxAgeMs`, whichever comes first; not if anything was heard of its
     * keys in between, or the cache is not listening.
     */
    put(keys: SessionKeys, value: Value, until: number, begun: number, now: number) {
      if (!usable() || begun < forgottenUpTo || begun < subscribedSince) return;
      if ((heardAt.get(keys.session) ?? 0) > begun || (heardAt.get(keys.mark) ?? 0) > begun) {
        return;
      }
      forget(keys.session);
      if (kept.size >= maxEntries) forget(kept.keys().next().value!);
      kept.set(keys.session, { value, until: Math.min(until, now + maxAgeMs), mark: keys.mark });
      let sessions = sessionsOfMark.get(keys.mark);
      if (!sessions) sessionsOfMark.set(keys.mark, (sessions = new Set()));
      sessions.add(keys.session);
    },

    /** How many sessions are kept (tests, metrics). */
    get size() {
      return kept.size;
    },

    /** Whether the cache would answer now (tests, health). */
    listening: () => !closed && listening(performance.now()),

    async close() {
      closed = true;
      clear();
      stopHearingHere();
      clearInterval(timer);
      await subscriber?.quit().catch(() => undefined);
    },
  };
}

export type SessionCache<Value> = ReturnType<typeof createSessionCache<Value>>;
