import type { Database, Driver } from "@caseward/db";
import { preparedStatement, sql } from "@caseward/db";
import { cases, channels, contacts, notifications, timers } from "@caseward/db/schema";
import type { ChannelKind, NotificationKind } from "@caseward/db/vocabulary";

import { closedStatuses } from "../cases/status";
import type { LadderStep } from "../channels/ladder";
import { suggestNextChannel } from "../channels/ladder";
import { settingsFromJson, settingsJson } from "../settings/settings-service";
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

// The firing transaction's statements, each prepared once per connection with its ids as arrays
// (one text for every batch). drizzle built them again for every batch (0.16–0.33 ms of client
// CPU per timer in a burst: the 500-id UPDATEs, the 500-row INSERT, the ladders' SELECT) and
// Postgres parsed each anew. Rows come back as the driver reads them (timestamps as text).

interface FoundRow {
  id: string;
  owner_id: string;
  kind: (typeof timers.$inferSelect)["kind"];
  status: (typeof timers.$inferSelect)["status"];
  due_at: string;
  case_id: string;
  case_status: (typeof cases.$inferSelect)["status"];
  suggested_channel_id: string | null;
  settings: Record<string, unknown> | null;
  last_channel_id: string | null;
  last_kind: ChannelKind | null;
  /** The company's ladder, in order (response windows only: the others never step). */
  ladder: LadderStep[] | null;
}

/**
 * What deciding a timer's firing reads: the timer, its case (both locked by the caller's
 * FOR UPDATE), the owner's settings, the last contact's channel and, for a response window,
 * the ladder of the case's company.
 */
const firingColumns = sql`
  select ${timers.id}, ${timers.ownerId}, ${timers.kind}, ${timers.status}, ${timers.dueAt},
    ${cases.id} as case_id, ${cases.status} as case_status, ${cases.suggestedChannelId},
    ${settingsJson(timers.ownerId)} as settings,
    ${contacts.channelId} as last_channel_id, ${contacts.channelKind} as last_kind,
    (case when ${timers.kind} = 'response_window' then
      (select coalesce(json_agg(json_build_object('id', ${channels.id}, 'kind', ${channels.kind},
          'status', ${channels.status}) order by ${channels.position}, ${channels.createdAt}), '[]')
       from ${channels}
       where ${channels.companyId} = ${cases.companyId} and ${channels.ownerId} = ${cases.ownerId})
    end) as ladder
  from ${timers}
  join ${cases} on ${cases.id} = ${timers.caseId} and ${cases.ownerId} = ${timers.ownerId}
  left join ${contacts} on ${contacts.id} = ${timers.contactId}
    and ${contacts.ownerId} = ${timers.ownerId}`;

/** The timer and its case, locked (waiting for another transaction that holds them). */
const lockTimer = preparedStatement<FoundRow>(sql`${firingColumns}
  where ${timers.id} = ${sql.placeholder("timerId")}::uuid
  for update of ${timers}, ${cases}`);

/**
 * Other pending timers already due, oldest first, locked; those another transaction holds are
 * skipped (their own job or another batch fires them), so batches never wait on each other.
 */
const lockDueTimers = preparedStatement<FoundRow>(sql`${firingColumns}
  where ${timers.status} = 'pending' and ${timers.dueAt} <= ${sql.placeholder("now")}::timestamptz
    and ${timers.id} <> ${sql.placeholder("except")}::uuid
  order by ${timers.dueAt}
  limit ${sql.placeholder("limit")}::int
  for update of ${timers}, ${cases} skip locked`);

/**
 * The writes of a batch in one statement: the timers fired, each escalated case with its own
 * next step, the emails owed. The dedupe key makes a second firing (a duplicate job, a retry)
 * add no email.
 */
const applyWrites = preparedStatement<{ id: string; send_after: string }>(sql`
  with fired as (
    update ${timers} set status = 'fired', fired_at = ${sql.placeholder("now")}::timestamptz,
      updated_at = ${sql.placeholder("now")}::timestamptz
    where ${timers.id} = any(${sql.placeholder("timerIds")}::uuid[])
  ), escalated as (
    update ${cases} set status = 'escalation_due', suggested_channel_id = step.channel_id,
      updated_at = ${sql.placeholder("now")}::timestamptz
    from unnest(${sql.placeholder("caseIds")}::uuid[], ${sql.placeholder("channelIds")}::uuid[])
      as step(case_id, channel_id)
    where ${cases.id} = step.case_id
  )
  insert into ${notifications} (owner_id, case_id, timer_id, kind, send_after, dedupe_key)
  select owed.owner_id, owed.case_id, owed.timer_id, owed.kind::notification_kind,
    owed.send_after::timestamptz,
    owed.kind || '-' || owed.timer_id
  from unnest(${sql.placeholder("ownerIds")}::text[], ${sql.placeholder("owedCaseIds")}::uuid[],
    ${sql.placeholder("owedTimerIds")}::uuid[], ${sql.placeholder("kinds")}::text[],
    ${sql.placeholder("sendAfter")}::text[])
    as owed(owner_id, case_id, timer_id, kind, send_after)
  on conflict (dedupe_key) do nothing
  returning ${notifications.id}, ${notifications.sendAfter}`);

interface Found {
  timer: {
    id: string;
    ownerId: string;
    kind: FoundRow["kind"];
    status: FoundRow["status"];
    dueAt: Date;
  };
  case: { id: string; status: FoundRow["case_status"]; suggestedChannelId: string | null };
  settings: Record<string, unknown> | null;
  last: { channelId: string | null; kind: ChannelKind | null };
  ladder: LadderStep[];
}

const found = (row: FoundRow): Found => ({
  timer: {
    id: row.id,
    ownerId: row.owner_id,
    kind: row.kind,
    status: row.status,
    dueAt: timers.dueAt.mapFromDriverValue(row.due_at) as Date,
  },
  case: { id: row.case_id, status: row.case_status, suggestedChannelId: row.suggested_channel_id },
  settings: row.settings,
  last: { channelId: row.last_channel_id, kind: row.last_kind },
  ladder: row.ladder ?? [],
});

interface Firing {
  timerId: string;
  /** The case becomes `escalation_due` with this next step (a closed case stays as it is). */
  /** `stepped`: the ladder's next step was worked out (a response window), not kept as it was. */
  escalate?: { caseId: string; suggestedChannelId: string | null; stepped: boolean };
  owed: OwedNotification[];
}

/** What firing one due, pending timer does: the rules, without the database. */
function decide(found: Found, now: Date): Firing {
  const { timer, case: owner, ladder } = found;
  if (closedStatuses.includes(owner.status)) return { timerId: timer.id, owed: [] };
  const settings = settingsFromJson(found.settings);
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

/** The writes of many firings, sent together in one statement (the emails owed come back). */
async function applyFirings(
  driver: Driver,
  firings: Firing[],
  now: Date,
): Promise<QueuedNotification[]> {
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
  const owed = firings.flatMap((f) => f.owed);
  const rows = await applyWrites(driver, {
    now: now.toISOString(),
    timerIds: firings.map((f) => f.timerId),
    caseIds: escalations.map((e) => e.caseId),
    channelIds: escalations.map((e) => e.suggestedChannelId),
    ownerIds: owed.map((o) => o.ownerId),
    owedCaseIds: owed.map((o) => o.caseId),
    owedTimerIds: owed.map((o) => o.timerId),
    kinds: owed.map((o) => o.kind),
    sendAfter: owed.map((o) => o.sendAfter.toISOString()),
  });
  return rows.map((row) => ({
    id: row.id,
    sendAfter: notifications.sendAfter.mapFromDriverValue(row.send_after) as Date,
  }));
}

const isDue = (found: Found | undefined, now: Date): found is Found =>
  !!found && found.timer.status === "pending" && found.timer.dueAt <= now;

/**
 * Fires one timer if, re-read under a row lock, it is still pending and due: so moved,
 * cancelled and duplicate jobs are harmless. In one transaction: the timer is fired, the case
 * becomes `escalation_due` with the next step of its ladder, and the emails owed are queued.
 * Two statements (the locked read, the writes), then the commit.
 */
export async function fireTimer(db: Database, timerId: string, now = new Date()) {
  return db.$client.begin(async (tx) => {
    const [row] = await lockTimer(tx, { timerId });
    const own = row && found(row);
    if (!isDue(own, now)) {
      return { fired: false as const, notifications: [] as QueuedNotification[] };
    }
    const queued = await applyFirings(tx, [decide(own, now)], now);
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
const pendingOrDueStatement = preparedStatement<{ id: string | null }>(sql`
  select ${timers.id} from ${timers}
  where ${timers.status} = 'pending'
    and ${timers.id} = any(${sql.placeholder("timerIds")}::uuid[])
  union all
  (select null from ${timers}
   where ${timers.status} = 'pending' and ${timers.dueAt} <= ${sql.placeholder("now")}::timestamptz
   limit 1)`);

// A statement's first run on a connection costs a round trip more (postgres.js describes it,
// then runs it) and Postgres parses and plans it. Run with arguments that match nothing.
const nothingId = "00000000-0000-0000-0000-000000000000";
const longAgo = new Date(0).toISOString();

/**
 * Prepares the firing's statements on the connection of `driver` (a transaction's), with
 * arguments that match no row: it locks, writes and returns nothing. A burst's first batches
 * ran each statement for the first time on fresh connections.
 */
export async function prepareFiring(driver: Driver) {
  await Promise.all([
    lockTimer(driver, { timerId: nothingId }),
    lockDueTimers(driver, { now: longAgo, except: nothingId, limit: 0 }),
    applyWrites(driver, {
      now: longAgo,
      timerIds: [],
      caseIds: [],
      channelIds: [],
      ownerIds: [],
      owedCaseIds: [],
      owedTimerIds: [],
      kinds: [],
      sendAfter: [],
    }),
    pendingOrDueStatement(driver, { timerIds: [], now: longAgo }),
  ]);
}

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
      const running = pendingOrDueStatement(db.$client, {
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
      dueAts: [] as Date[],
      latenessMs: [] as number[],
    };
  }
  return db.$client.begin(async (tx) => {
    // Pipelined on the transaction's connection: one round trip for both.
    const [[ownRow], otherRows] = await Promise.all([
      lockTimer(tx, { timerId }),
      lockDueTimers(tx, { now: now.toISOString(), except: timerId, limit: limit - 1 }),
    ]);
    const own = ownRow && found(ownRow);
    const others = otherRows.map(found);
    const due = [...(isDue(own, now) ? [own] : []), ...others.filter((f) => isDue(f, now))];
    const firings = due.map((f) => decide(f, now));
    const queued = await applyFirings(tx, firings, now);
    return {
      fired: firings.length,
      ownFired: isDue(own, now),
      // A full batch of others: more may be due (a burst larger than one batch).
      more: others.length === limit - 1,
      notifications: queued,
      /** The timers this batch fired (their jobs, when they come, have nothing to do). */
      timerIds: firings.map((f) => f.timerId),
      /** Their due times, in the same order: each one's job id has it (`timerJobId`). */
      dueAts: due.map((found) => found.timer.dueAt),
      /** How late each was fired after its due time (the worker's metrics). */
      latenessMs: due.map((found) => now.getTime() - found.timer.dueAt.getTime()),
    };
  });
}
