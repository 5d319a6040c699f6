// Group commit across SMTP sessions (issue 15's bench, third pass). Every accepted message is
// one PostgreSQL commit, and a commit waits for its WAL to reach the disk before the 250, as it
// must. Sessions whose DATA ends close together share one: each message waits up to
// `windowMs` (by default only for the data already read; or until `maxMessages` are waiting),
// then all those waiting are stored by ONE
// statement, one round trip and one WAL flush, and each session gets its answer only once that
// commit is done. At most `maxInFlight` commits run at once; messages that end meanwhile wait
// for the next, which is how the batches grow under load and stay at one message when quiet.

export interface GroupCommitOptions<Item> {
  /**
   * How long the first message of a batch waits for others (0: only until the messages whose
   * data is already read are in, `setImmediate`: batches then grow while commits are under
   * way, and a quiet receiver adds no wait).
   */
  windowMs?: number;
  /** A batch is stored at once when this many are waiting (64). */
  maxMessages?: number;
  /** ... or when their bytes reach this (8 MB); a message this large is stored alone. */
  maxBytes?: number;
  /** Commits under way at once (4); the database pool is the other bound. */
  maxInFlight?: number;
  sizeOf: (item: Item) => number;
  /**
   * Whether an error is the database's (down, unreachable): every message of the batch gets
   * it (451). Any other failure of a batch of several is one message's doing: each is then
   * stored alone, so one bad message does not fail the others.
   */
  isUnavailable: (error: unknown) => boolean;
}

interface Waiting<Item, Result> {
  item: Item;
  bytes: number;
  resolve: (result: Result) => void;
  reject: (error: unknown) => void;
}

/**
 * `store(item)` for one message, answered when the batch it joined is committed: with its own
 * result from `storeMany` (results in the order of the items), or the batch's error.
 * `storeMany` must be all or nothing.
 */
export function groupCommit<Item, Result>(
  storeMany: (items: Item[]) => Promise<Result[]>,
  options: GroupCommitOptions<Item>,
) {
  const windowMs = options.windowMs ?? 0;
  const maxMessages = options.maxMessages ?? 64;
  const maxBytes = options.maxBytes ?? 8 * 1024 * 1024;
  const maxInFlight = options.maxInFlight ?? 4;

  let waiting: Waiting<Item, Result>[] = [];
  let waitingBytes = 0;
  let timer: { cancel: () => void } | undefined;
  const wait = (then: () => void) => {
    if (windowMs <= 0) {
      const immediate = setImmediate(then);
      return { cancel: () => clearImmediate(immediate) };
    }
    const timeout = setTimeout(then, windowMs);
    return { cancel: () => clearTimeout(timeout) };
  };
  /** The window is over (or the batch is full) but every commit slot was taken. */
  let due = false;
  let inFlight = 0;
  /** Messages stored and commits made so far (the receiver logs them when it stops). */
  const stats = { messages: 0, commits: 0, largest: 0 };

  function commit(batch: Waiting<Item, Result>[]) {
    inFlight++;
    stats.commits++;
    stats.messages += batch.length;
    stats.largest = Math.max(stats.largest, batch.length);
    const answer = (members: Waiting<Item, Result>[]) => (results: Result[]) => {
      for (const [i, member] of members.entries()) member.resolve(results[i]!);
    };
    const refuse = (members: Waiting<Item, Result>[]) => (error: unknown) => {
      for (const member of members) member.reject(error);
    };
    storeMany(batch.map((member) => member.item))
      .then(answer(batch), (error: unknown) => {
        if (batch.length === 1 || options.isUnavailable(error)) return refuse(batch)(error);
        // Nothing of the batch was stored: each on its own, so only a bad one fails.
        return Promise.all(
          batch.map((member) => storeMany([member.item]).then(answer([member]), refuse([member]))),
        ).then(() => undefined);
      })
      // An answer that threw (it should not): no session may wait forever.
      .catch(refuse(batch))
      .finally(() => {
        inFlight--;
        if (due) flush();
      });
  }

  function flush() {
    timer?.cancel();
    timer = undefined;
    if (waiting.length === 0) {
      due = false;
      return;
    }
    if (inFlight >= maxInFlight) {
      due = true;
      return;
    }
    due = false;
    let count = 0;
    let bytes = 0;
    while (count < waiting.length && count < maxMessages) {
      if (count > 0 && bytes + waiting[count]!.bytes > maxBytes) break;
      bytes += waiting[count]!.bytes;
      count++;
    }
    const batch = waiting.slice(0, count);
    waiting = waiting.slice(count);
    waitingBytes -= bytes;
    commit(batch);
    // What did not fit waits for the next slot.
    if (waiting.length > 0) due = true;
    if (due && inFlight < maxInFlight) flush();
  }

  const store = (item: Item): Promise<Result> =>
    new Promise<Result>((resolve, reject) => {
      const bytes = options.sizeOf(item);
      waiting.push({ item, bytes, resolve, reject });
      waitingBytes += bytes;
      if (waiting.length >= maxMessages || waitingBytes >= maxBytes) flush();
      else if (!timer && !due) timer = wait(flush);
    });
  return Object.assign(store, { stats });
}
