import type { Database, Executor } from "@caseward/db";
import { and, asc, eq, getTableColumns, inArray, lte, ne, preparedQuery, sql } from "@caseward/db";
import {
  cases,
  channels,
  contacts,
  notifications,
  timers,
  userSettings,
} from "@caseward/db/schema";
import type { NotificationKind } from "@caseward/db/vocabulary";

import { closedStatuses } from "../cases/status";
import { suggestNextChannel } from "../channels/ladder";
import { settingsOf } from "../settings/settings-service";
import { nextSendTime } from "./quiet-hours";
import { reminderDueAt } from "./response-window";

export interface QueuedNotification {
  id: string;
  sendAfter: Date;
}

interface OwedNotification {
  ownerId: string;
  caseId: string;
  timerId: string;
  kind: NotificationKind;
  sendAfter: Date;
}

/** The emails owed, in one INSERT (a promise that resolves to none when there are none). */
async function owe(tx: Executor, owed: OwedNotification[]): Promise<QueuedNotification[]> {
  if (owed.length === 0) return [];
  // The dedupe key makes a second firing (a duplicate job, a retry) add nothing.
  return tx
    .insert(notifications)
    .values(owed.map((values) => ({ ...values, dedupeKey: `${values.kind}-${values.timerId}` })))
    .onConflictDoNothing({ target: notifications.dedupeKey })
    .returning({ id: notifications.id, sendAfter: notifications.sendAfter });
}

/** What deciding a timer's firing reads: the timer, its case, the settings, the first contact. */
function firingRows(tx: Executor) {
  return tx
    .select({
      timer: {
        id: timers.id,
        ownerId: timers.ownerId,
        kind: timers.kind,
        status: timers.status,
        dueAt: timers.dueAt,
      },
      case: {
        id: cases.id,
        status: cases.status,
        companyId: cases.companyId,
        suggestedChannelId: cases.suggestedChannelId,
      },
      settings: userSettings,
      last: { channelId: contacts.channelId, kind: contacts.channelKind },
    })
    .from(timers)
    .innerJoin(cases, and(eq(cases.id, timers.caseId), eq(cases.ownerId, timers.ownerId)))
    .leftJoin(userSettings, eq(userSettings.userId, timers.ownerId))
    .leftJoin(
      contacts,
      and(eq(contacts.id, timers.contactId), eq(contacts.ownerId, timers.ownerId)),
    );
}
type Found = Awaited<ReturnType<ReturnType<typeof firingRows>["where"]>>[number];

/** The timer and its case, locked (waiting for another transaction that holds them). */
function lockTimer(tx: Executor, timerId: string) {
  return firingRows(tx)
    .where(eq(timers.id, timerId))
    .for("update", { of: [timers, cases] });
}

/**
 * Other pending timers already due, oldest first, locked; those another transaction holds are
 * skipped (their own job or another batch fires them), so batches never wait on each other.
 */
function lockDueTimers(tx: Executor, now: Date, limit: number, except: string) {
  return firingRows(tx)
    .where(and(eq(timers.status, "pending"), lte(timers.dueAt, now), ne(timers.id, except)))
    .orderBy(asc(timers.dueAt))
    .limit(limit)
    .for("update", { of: [timers, cases], skipLocked: true });
}

/** The ladders of the timers' companies, each in order. */
async function laddersOfTimers(tx: Executor, timerIds: string[]) {
  const ladders = new Map<string, Ladder>();
  if (timerIds.length === 0) return ladders;
  const rows = await tx
    .select({ timerId: timers.id, channel: getTableColumns(channels) })
    .from(channels)
    .innerJoin(
      cases,
      and(eq(cases.companyId, channels.companyId), eq(cases.ownerId, channels.ownerId)),
    )
    .innerJoin(timers, and(eq(timers.caseId, cases.id), eq(timers.ownerId, cases.ownerId)))
    .where(inArray(timers.id, timerIds))
    .orderBy(asc(channels.position), asc(channels.createdAt));
  for (const row of rows) {
    const ladder = ladders.get(row.timerId);
    if (ladder) ladder.push(row.channel);
    else ladders.set(row.timerId, [row.channel]);
  }
  return ladders;
}
type Ladder = (typeof channels.$inferSelect)[];

interface Firing {
  timerId: string;
  /** The case becomes `escalation_due` with this next step (a closed case stays as it is). */
  /** `stepped`: the ladder's next step was worked out (a response window), not kept as it was. */
  escalate?: { caseId: string; suggestedChannelId: string | null; stepped: boolean };
  owed: OwedNotification[];
}

/** What firing one due, pending timer does: the rules, without the database. */
function decide(found: Found, ladder: Ladder, now: Date): Firing {
  const { timer, case: owner } = found;
  if (closedStatuses.includes(owner.status)) return { timerId: timer.id, owed: [] };
  const settings = settingsOf(found.settings);
  const base = { ownerId: timer.ownerId, caseId: owner.id, timerId: timer.id };
  const quiet = { start: settings.quietHoursStart, end: settings.quietHoursEnd };

  if (timer.kind === "regulator_eligibility") {
    return {
      timerId: timer.id,
      owed: [
        {
          ...base,
          kind: "regulator_eligible",
          sendAfter: nextSendTime(now, quiet, settings.timeZone),
        },
      ],
    };
  }

  let suggestedChannelId: string | null = owner.suggestedChannelId;
  if (timer.kind === "response_window") {
    const step = suggestNextChannel(ladder, {
      channelId: found.last?.channelId ?? null,
      kind: found.last?.kind ?? "web_form",
    });
    suggestedChannelId = step.kind === "channel" ? step.channel.id : null;
  }
  const owed: OwedNotification[] = [];
  const kind: NotificationKind = timer.kind === "response_window" ? "escalation" : "promise_due";
  if (settings.emailEscalations) {
    owed.push({ ...base, kind, sendAfter: nextSendTime(now, quiet, settings.timeZone) });
  }
  if (timer.kind === "response_window" && settings.emailReminders) {
    // One reminder if the user does nothing for one more business day (cancelled when they act).
    owed.push({
      ...base,
      kind: "escalation_reminder",
      sendAfter: nextSendTime(reminderDueAt(now, settings), quiet, settings.timeZone),
    });
  }
  return {
    timerId: timer.id,
    escalate: {
      caseId: owner.id,
      suggestedChannelId,
      stepped: timer.kind === "response_window",
    },
    owed,
  };
}

/** The writes of many firings, sent together: one statement per table. */
async function applyFirings(tx: Executor, firings: Firing[], now: Date) {
  if (firings.length === 0) return [];
  // One per case: a case whose response window and promise fire in the same batch takes the
  // window's next step (the promise keeps the step the case already had).
  const byCase = new Map<string, NonNullable<Firing["escalate"]>>();
  for (const { escalate } of firings) {
    if (escalate && (escalate.stepped || !byCase.has(escalate.caseId))) {
      byCase.set(escalate.caseId, escalate);
    }
  }
  const escalations = [...byCase.values()];
  const fire = tx
    .update(timers)
    .set({ status: "fired", firedAt: now })
    .where(
      inArray(
        timers.id,
        firings.map((f) => f.timerId),
      ),
    );
  // Each case its own next step: one CASE over the ids rather than one UPDATE per case.
  const escalate =
    escalations.length === 0
      ? undefined
      : tx
          .update(cases)
          .set({
            status: "escalation_due",
            suggestedChannelId:
              escalations.length === 1
                ? escalations[0]!.suggestedChannelId
                : sql`(case ${cases.id} ${sql.join(
                    escalations.map(
                      (e) => sql`when ${e.caseId}::uuid then ${e.suggestedChannelId}::uuid`,
                    ),
                    sql` `,
                  )} end)`,
          })
          .where(
            inArray(
              cases.id,
              escalations.map((e) => e.caseId),
            ),
          );
  const [, , queued] = await Promise.all([
    fire,
    escalate,
    owe(
      tx,
      firings.flatMap((f) => f.owed),
    ),
  ]);
  return queued;
}

const isDue = (found: Found | undefined, now: Date): found is Found =>
  !!found && found.timer.status === "pending" && found.timer.dueAt <= now;

/**
 * Fires one timer if, re-read under a row lock, it is still pending and due: so moved,
 * cancelled and duplicate jobs are harmless. In one transaction: the timer is fired, the case
 * becomes `escalation_due` with the next step of its ladder, and the emails owed are queued.
 * Three round trips: the reads go together (pipelined on the transaction's connection), then
 * the writes together, then the commit.
 */
export async function fireTimer(db: Database, timerId: string, now = new Date()) {
  return db.transaction(async (tx) => {
    const [[found], ladders] = await Promise.all([
      lockTimer(tx, timerId),
      laddersOfTimers(tx, [timerId]),
    ]);
    if (!isDue(found, now)) {
      return { fired: false as const, notifications: [] as QueuedNotification[] };
    }
    const queued = await applyFirings(tx, [decide(found, ladders.get(timerId) ?? [], now)], now);
    return { fired: true as const, notifications: queued };
  });
}

/**
 * Timers fired together at most, by one job: a burst of deadlines due at once. In the bench's
 * burst of 10,000, batches of 50 fired 2,125 timers/s and 500 fired 10,881/s (each batch is a
 * few statements whatever its size); a batch holds its rows' locks for tens of milliseconds.
 */
export const fireBatchSize = 500;

// Prepared once: a burst's later jobs (one per timer, most finding it fired by another
// process's batch) spent more CPU building this query than Postgres spent running it. Which of
// the jobs' timers are pending, and (a row with a null id) whether any other timer is due.
const pendingOrDue = preparedQuery<{ id: string | null }>(sql`
  select ${timers.id} from ${timers}
  where ${timers.status} = 'pending'
    and ${timers.id} = any(${sql.placeholder("timerIds")}::uuid[])
  union all
  (select null from ${timers}
   where ${timers.status} = 'pending' and ${timers.dueAt} <= ${sql.placeholder("now")}::timestamptz
   limit 1)`);

interface PendingCheck {
  timerIds: string[];
  now: Date;
  answer: Promise<Set<string | null>>;
}
const checks = new WeakMap<Database, { next?: PendingCheck; inFlight?: Promise<unknown> }>();

/**
 * Is this job's timer pending, or any timer due? The jobs of one process ask together: the
 * questions of one turn of the event loop, or those asked while the last one is on its way, go
 * as one statement (a burst's later jobs asked one statement each: a round trip per timer).
 */
async function pendingOrDueFor(db: Database, timerId: string, now: Date) {
  let state = checks.get(db);
  if (!state) checks.set(db, (state = {}));
  const gathering = state;
  let check = gathering.next;
  if (!check) {
    const asked: PendingCheck = { timerIds: [], now, answer: Promise.resolve(new Set()) };
    asked.answer = (async () => {
      const previous = gathering.inFlight;
      if (previous) await previous.catch(() => undefined);
      else await new Promise((resolve) => setImmediate(resolve));
      gathering.next = undefined;
      const running = pendingOrDue(db, {
        timerIds: asked.timerIds,
        now: asked.now.toISOString(),
      });
      gathering.inFlight = running;
      try {
        return new Set((await running).map((row) => row.id));
      } finally {
        if (gathering.inFlight === running) gathering.inFlight = undefined;
      }
    })();
    gathering.next = check = asked;
  }
  check.timerIds.push(timerId);
  // A later moment sees at least as much due: the question goes with the latest.
  if (now > check.now) check.now = now;
  const pending = await check.answer;
  return pending.has(timerId) || pending.has(null);
}

/**
 * A timer's job fires its own timer as `fireTimer` does, and with it up to `limit − 1` other
 * timers already due that no one else holds: when many deadlines fall at once, the first jobs
 * fire them in a few transactions, and the later jobs find theirs fired. Same rules, same
 * locks (the own timer is waited for, never skipped: its job must decide it); one statement
 * per table for the whole batch.
 */
export async function fireDueTimers(
  db: Database,
  timerId: string,
  { now = new Date(), limit = fireBatchSize }: { now?: Date; limit?: number } = {},
) {
  // Nothing pending for this job and nothing else due: no transaction (a burst's later jobs).
  if (!(await pendingOrDueFor(db, timerId, now))) {
    return {
      fired: 0,
      ownFired: false,
      more: false,
      notifications: [] as QueuedNotification[],
      timerIds: [] as string[],
      latenessMs: [] as number[],
    };
  }
  return db.transaction(async (tx) => {
    const [[own], others, ownLadder] = await Promise.all([
      lockTimer(tx, timerId),
      lockDueTimers(tx, now, limit - 1, timerId),
      laddersOfTimers(tx, [timerId]),
    ]);
    const due = [...(isDue(own, now) ? [own] : []), ...others.filter((f) => isDue(f, now))];
    const ladders = await laddersOfTimers(
      tx,
      others.filter((f) => f.timer.kind === "response_window").map((f) => f.timer.id),
    );
    for (const [id, ladder] of ownLadder) ladders.set(id, ladder);
    const firings = due.map((found) => decide(found, ladders.get(found.timer.id) ?? [], now));
    const queued = await applyFirings(tx, firings, now);
    return {
      fired: firings.length,
      ownFired: isDue(own, now),
      // A full batch of others: more may be due (a burst larger than one batch).
      more: others.length === limit - 1,
      notifications: queued,
      /** The timers this batch fired (their jobs, when they come, have nothing to do). */
      timerIds: firings.map((f) => f.timerId),
      /** How late each was fired after its due time (the worker's metrics). */
      latenessMs: due.map((found) => now.getTime() - found.timer.dueAt.getTime()),
    };
  });
}
