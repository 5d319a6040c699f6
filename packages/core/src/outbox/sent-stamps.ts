import type { Database, Driver } from "@caseward/db";
import { preparedStatement, sql } from "@caseward/db";
import { notifications } from "@caseward/db/schema";

import { sendLeaseMs } from "./claim";

/**
 * How long a `sent` stamp waits for others to go in the same UPDATE: a burst's emails are
 * accepted a few milliseconds apart, and one UPDATE per email was most of a send's database
 * work. A crash in this window is one more email sent again (same Message-ID).
 */
const stampGatherMs = 10;

// One statement text for any number of stamps (ids and Message-IDs as two arrays), prepared
// once per connection: drizzle built a CASE over the ids for each write, a new text for each
// count, which Postgres parsed and described every time.
const stamp = preparedStatement(sql`
  update ${notifications} set
    state = 'sent', sent_at = ${sql.placeholder("at")}::timestamptz, last_error = null,
    message_id = stamped.message_id, updated_at = ${sql.placeholder("at")}::timestamptz
  from unnest(${sql.placeholder("ids")}::uuid[], ${sql.placeholder("messageIds")}::text[])
    as stamped(id, message_id)
  where ${notifications.id} = stamped.id`);

interface Stamp {
  id: string;
  messageId: string;
  /** When its claim was taken: the write is retried while that lease holds. */
  claimedAt: number;
  /** Sent at once, with whatever else waits (a claim of one email). */
  now: boolean;
  done: () => void;
  fail: (error: unknown) => void;
}

/**
 * The `sent` stamps of a process: each soon after its email was accepted; those accepted
 * within `stampGatherMs`, or while an UPDATE is on its way, go together, whichever claim they
 * belong to (a worker's four send lanes wrote one UPDATE each, for a few stamps). A failed
 * write is retried while the leases of all its claims hold (the emails are out: they must not
 * be sent again).
 */
function stamperOf(db: Database) {
  let stamper = stampers.get(db);
  if (stamper) return stamper;
  let waiting: Stamp[] = [];
  let writing = false;
  async function flush() {
    writing = true;
    while (waiting.length > 0) {
      if (!waiting.some((s) => s.now)) {
        await new Promise((resolve) => setTimeout(resolve, stampGatherMs));
      }
      const batch = waiting;
      waiting = [];
      try {
        await whileLeaseHolds(Math.min(...batch.map((b) => b.claimedAt)), () =>
          stamp(db.$client, {
            at: new Date().toISOString(),
            ids: batch.map((b) => b.id),
            messageIds: batch.map((b) => b.messageId),
          }),
        );
        for (const b of batch) b.done();
      } catch (error) {
        for (const b of batch) b.fail(error);
      }
    }
    writing = false;
  }
  stamper = (entry: Omit<Stamp, "done" | "fail">) =>
    new Promise<void>((done, fail) => {
      waiting.push({ ...entry, done, fail });
      if (!writing) void flush();
    });
  stampers.set(db, stamper);
  return stamper;
}
const stampers = new WeakMap<Database, (entry: Omit<Stamp, "done" | "fail">) => Promise<void>>();

/**
 * `sent` stamps of one claim (taken at `claimedAt`, of `emails` emails), written with the
 * process's other stamps. A claim of one email has no other stamp to wait for: its stamp goes
 * at once.
 */
export function sentStamps(db: Database, claimedAt: number, emails: number) {
  const add = stamperOf(db);
  return {
    add: (id: string, messageId: string) => add({ id, messageId, claimedAt, now: emails <= 1 }),
  };
}

/** Runs `write` until it succeeds, once a second, until the lease taken at `claimedAt` ends. */
async function whileLeaseHolds(claimedAt: number, write: () => Promise<unknown>) {
  for (;;) {
    try {
      await write();
      return;
    } catch (error) {
      if (Date.now() + 1_000 >= claimedAt + sendLeaseMs) throw error;
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
  }
}

/** Prepares the `sent` stamp's statement on the connection of `driver`; it stamps nothing. */
export async function prepareSentStamps(driver: Driver) {
  await stamp(driver, { at: new Date(0).toISOString(), ids: [], messageIds: [] });
}
