import type { Database } from "@caseward/db";
import { preparedQuery, sql } from "@caseward/db";
import { timers } from "@caseward/db/schema";

// On the partial index of pending timers by due time: one probe, whatever the table's size.
const comingDue = preparedQuery<{ soon: boolean }>(sql`
  select exists (select 1 from ${timers}
    where ${timers.status} = 'pending'
      and ${timers.dueAt} > ${sql.placeholder("now")}::timestamptz
      and ${timers.dueAt} <= ${sql.placeholder("until")}::timestamptz) as soon`);

/** Does a pending timer come due within `withinMs` from `now` (not due yet)? */
export async function timersComingDue(db: Database, now: Date, withinMs: number) {
  const [row] = await comingDue(db, {
    now: now.toISOString(),
    until: new Date(now.getTime() + withinMs).toISOString(),
  });
  return row?.soon === true;
}
