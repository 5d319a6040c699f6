import type { Database } from "@caseward/db";
import { preparedQuery, sql } from "@caseward/db";
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
const stamp = preparedQuery(sql`
  update ${notifications} set
    state = 'sent', sent_at = ${sql.placeholder("at")}::timestamptz, last_error = null,
    message_id = stamped.message_id, updated_at = ${sql.placeholder("at")}::timestamptz
  from unnest(${sql.placeholder("ids")}::uuid[], ${sql.placeholder("messageIds")}::text[])
    as stamped(id, message_id)
  where ${notifications.id} = stamped.id`);

/**
 * `sent` stamps of one claim: each soon after its email was accepted; those accepted within
 * `stampGatherMs`, or while an UPDATE is on its way, go together. A claim of one email has no
 * other stamp to wait for: its stamp goes at once. A failed write is retried while the lease
 * holds (the email is out: it must not be sent again).
 */
export function sentStamps(db: Database, claimedAt: number, emails: number) {
  const gatherMs = emails > 1 ? stampGatherMs : 0;
  let waiting: { id: string; messageId: string; done: () => void; fail: (e: unknown) => void }[] =
    [];
  let writing = false;
  async function flush() {
    writing = true;
    while (waiting.length > 0) {
      if (gatherMs > 0) await new Promise((resolve) => setTimeout(resolve, gatherMs));
      const batch = waiting;
      waiting = [];
      try {
        await whileLeaseHolds(claimedAt, () =>
          stamp(db, {
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
  return {
    add: (id: string, messageId: string) =>
      new Promise<void>((done, fail) => {
        waiting.push({ id, messageId, done, fail });
        if (!writing) void flush();
      }),
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
