import type { Database } from "@caseward/db";
import { preparedQuery, sql } from "@caseward/db";
import { timers } from "@caseward/db/schema";

// On the partial index of pending timers by due time: one probe, whatever the table's size.
const nextComingDue = preparedQuery<{ id: string; due_at: string }>(sql`
  select ${timers.id}, ${timers.dueAt} from ${timers}
  where ${timers.status} = 'pending'
    and ${timers.dueAt} > ${sql.placeholder("now")}::timestamptz
    and ${timers.dueAt} <= ${sql.placeholder("until")}::timestamptz
  order by ${timers.dueAt}
  limit 1`);

/** The first pending timer to come due within `withinMs` from `now` (not due yet), if any. */
export async function nextTimerComingDue(db: Database, now: Date, withinMs: number) {
  const [row] = await nextComingDue(db, {
    now: now.toISOString(),
    until: new Date(now.getTime() + withinMs).toISOString(),
  });
  return row ? { id: row.id, dueAt: timers.dueAt.mapFromDriverValue(row.due_at) as Date } : null;
}
