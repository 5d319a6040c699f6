import type { Database, Placeholder, SQL } from "@caseward/db";
import { preparedQuery, sql } from "@caseward/db";
import { decryptField } from "@caseward/db/encryption";
import type { CaseStatus, TimerKind, TimerStatus } from "@caseward/db/vocabulary";

import type { Settings } from "../settings/settings-service";
import { settingsFromJson, settingsJson } from "../settings/settings-service";
import type { TimerTally, Wait } from "./figures";

// The report card's and the insights page's SQL: every aggregate that Postgres can make is made
// there (counts, sums, months, the pairing of a question with its answer), so the web process
// reads a few rows per company, never every contact. Each query is scoped to one owner first.

/** Which of the user's cases the figures are over, and over which period. */
export interface CaseScope {
  companyId?: string;
  caseId?: string;
  statuses?: readonly CaseStatus[];
  /**
   * The period, [from, to): the cases alive in it (opened before `to`, not closed before
   * `from`), and of those only the events inside it count: contacts and time on calls by their
   * start, answers by when they came, deadlines by their due date, resolutions by their day.
   */
  from?: Date;
  to?: Date;
}

/** Channels whose contacts are time the user spent talking: calls and chats. */
export const talkingKinds = ["phone", "chat"] as const;

/**
 * A value of the statement by name: the value itself (`figuresQuery`, for EXPLAIN), or a
 * placeholder filled on each run, so that the statement's text is built once per shape of
 * scope (`selectFigures`): building this large statement cost the web server more CPU than
 * sending it.
 */
type Bind = <K extends keyof FigureValues>(name: K) => Placeholder | FigureValues[K];

/** The named values of a figures statement. */
interface FigureValues {
  userId: string;
  companyId?: string;
  caseId?: string;
  from?: string;
  to?: string;
  now: string;
  monthStarts: string;
  deadlines: number;
  [status: `status${number}`]: string;
}

function figureValues(userId: string, scope: CaseScope, options: FigureOptions): FigureValues {
  const values: FigureValues = {
    userId,
    companyId: scope.companyId,
    caseId: scope.caseId,
    from: scope.from?.toISOString(),
    to: scope.to?.toISOString(),
    now: options.now.toISOString(),
    // A PostgreSQL array literal of ISO instants.
    monthStarts: `{${(options.monthStarts ?? []).map((start) => start.toISOString()).join(",")}}`,
    deadlines: options.deadlines ?? 10,
  };
  scope.statuses?.forEach((status, i) => (values[`status${i}`] = status));
  return values;
}

/** The user's cases in `scope`, as a CTE body: id, company_id, status, created_at, closed_at. */
function scopedCases(v: Bind, scope: CaseScope): SQL {
  const where: SQL[] = [sql`owner_id = ${v("userId")}`];
  if (scope.companyId) where.push(sql`company_id = ${v("companyId")}`);
  if (scope.caseId) where.push(sql`id = ${v("caseId")}`);
  if (scope.statuses) {
    where.push(
      sql`status in (${sql.join(
        scope.statuses.map((_, i) => sql`${v(`status${i}`)}`),
        sql`, `,
      )})`,
    );
  }
  if (scope.to) where.push(sql`created_at < ${v("to")}`);
  if (scope.from) where.push(sql`(closed_at is null or closed_at >= ${v("from")})`);
  return sql`select id, company_id, status, created_at, closed_at, title from cases where ${sql.join(where, sql` and `)}`;
}

/** `column` falls inside the scope's period (always true without one). */
function inPeriod(v: Bind, column: SQL, scope: CaseScope): SQL {
  const bounds: SQL[] = [];
  if (scope.from) bounds.push(sql`${column} >= ${v("from")}`);
  if (scope.to) bounds.push(sql`${column} < ${v("to")}`);
  return bounds.length === 0 ? sql`true` : sql`(${sql.join(bounds, sql` and `)})`;
}

const asDate = (value: unknown) => (value instanceof Date ? value : new Date(String(value)));

/**
 * The figure groups one query can make; each is a CTE and a JSON array in its one row, but
 * `settings`: the user's settings, read in the same round trip.
 */
export type FigureGroup =
  "waits" | "tallies" | "counts" | "resolved" | "monthly" | "deadlines" | "settings";

export interface FigureOptions {
  now: Date;
  /**
   * For `monthly`: when each month shown begins on the user's clock, earliest first, then when
   * the last one ends. Rows are counted by these bounds (`width_bucket`): reading each row's
   * month in the user's zone in SQL (`at time zone`, `to_char`) cost more than the grouping.
   */
  monthStarts?: readonly Date[];
  /** For `deadlines`: how many. */
  deadlines?: number;
}

export interface CompanyCounts {
  companyId: string;
  companyName: string;
  /** Cases alive in the period (all of them without one). */
  cases: number;
  since: Date;
  /** Resolved (given up) in the period. */
  resolved: number;
  abandoned: number;
  /** Contacts that started in the period. */
  contacts: number;
  /** All the contacts of the cases resolved in the period. */
  resolvedContacts: number;
  /** Seconds on calls and chats (contacts with an end time) that started in the period. */
  talkSeconds: number;
}

export type MonthSeries = "opened" | "resolved" | "talk_seconds";

/**
 * A series' value over one month of `monthStarts`: `bucket` n (1-based) is the month beginning
 * at `monthStarts[n - 1]`; 0 is everything before the first one, `monthStarts.length` everything
 * from the end of the last one; `firstAt` is the bucket's earliest event.
 */
export interface MonthBucket {
  series: MonthSeries;
  bucket: number;
  firstAt: Date;
  value: number;
}

export interface FigureRows {
  waits: (Wait & { companyId: string })[];
  tallies: (TimerTally & { companyId: string })[];
  counts: CompanyCounts[];
  /** The cases resolved in the period: when each was opened and (last) resolved. */
  resolved: { companyId: string; openedAt: Date; closedAt: Date }[];
  monthly: MonthBucket[];
  /** Deadlines of cases still open, whatever the period: the closest or most overdue first. */
  deadlines: {
    id: string;
    kind: TimerKind;
    status: TimerStatus;
    dueAt: Date;
    caseId: string;
    caseTitle: string;
    companyName: string;
  }[];
  settings: Settings;
}

// What every group reads, once: the scoped cases' contacts and deadlines (each scoped to the
// owner on its own table), and each case's last answer from the company. Postgres makes a CTE
// referenced more than once one time, and skips one no group refers to.
function baseCtes(v: Bind): SQL {
  return sql`
    scoped_contacts as (
      select c.id, c.case_id, s.company_id, c.direction, c.channel_kind, c.started_at, c.ended_at,
             s.status as case_status, s.closed_at as case_closed_at
        from contacts c join scoped s on s.id = c.case_id
       where c.owner_id = ${v("userId")}
    ),
    case_inbound as (
      select case_id, max(started_at) as last_inbound
        from scoped_contacts where direction = 'inbound' group by case_id
    ),
    scoped_timers as (
      select t.id, t.case_id, s.company_id, s.status as case_status, s.title as case_title,
             t.contact_id, t.kind, t.status, t.due_at, t.created_at, t.updated_at, i.last_inbound
        from timers t join scoped s on s.id = t.case_id
        left join case_inbound i on i.case_id = t.case_id
       where t.owner_id = ${v("userId")}
    )`;
}

// Each group's CTE, over the ones above.
function groupCtes(v: Bind, scope: CaseScope) {
  const now = v("now");
  const userId = v("userId");
  const talking = sql`c.channel_kind in ('phone', 'chat') and c.ended_at > c.started_at`;
  return {
    /**
     * Each wait for an answer: the first outbound contact after the company last answered, and
     * its next answer — an inbound contact, or a response window the user marked "they
     * answered" (a satisfied window with no inbound contact after the contact that started it).
     * Contacts are read as they stand now, so a contact's latest edit counts. The pairing reads
     * the case's whole history; a wait counts in the period its answer came in.
     */
    waits: sql`
    wait_events as (
      select case_id, company_id, started_at as at,
             case when direction = 'outbound' then 1 else 0 end as asked
        from scoped_contacts
      union all
      select t.case_id, t.company_id, t.updated_at, 0
        from scoped_timers t
        join scoped_contacts o on o.id = t.contact_id
       where t.kind = 'response_window' and t.status = 'satisfied'
         and (t.last_inbound is null or t.last_inbound < o.started_at)
    ),
    wait_order as (
      -- The answers before each event: a wait and its answer share this number k (the
      -- outbound contacts after answer k, then answer k + 1), so one pass in order and one
      -- grouping pair them. (A window over the rows that follow each event, for its next
      -- answer, was quadratic in a case's contacts.)
      select case_id, company_id, at, asked,
             count(*) filter (where asked = 0) over (
               partition by case_id order by at, asked
               rows between unbounded preceding and 1 preceding) as answers_before
        from wait_events
    ),
    waits as (
      select case_id as "caseId", company_id as "companyId",
             min(at) filter (where asked = 1) as "askedAt",
             max(at) filter (where asked = 0) as "answeredAt"
        from wait_order
       group by case_id, company_id, answers_before
      having count(*) filter (where asked = 1) > 0 and count(*) filter (where asked = 0) > 0
         and ${inPeriod(v, sql`max(at) filter (where asked = 0)`, scope)}
    )`,
    /** The deadlines due in the period, counted by company, kind, status, past due or not. */
    tallies: sql`
    tallies as (
      select t.company_id as "companyId", t.kind, t.status, t.due_at <= ${now} as "pastDue",
             coalesce(t.last_inbound > t.due_at, false) as "answeredAfterDue",
             count(*)::int as count
        from scoped_timers t
       where ${inPeriod(v, sql`t.due_at`, scope)}
       group by 1, 2, 3, 4, 5
    )`,
    /** Per company: cases, contacts, resolutions and time spent talking, in the period. */
    counts: (() => {
      const closedInPeriod = (status: SQL, closedAt: SQL) =>
        sql`${status} in ('resolved', 'abandoned') and ${closedAt} is not null and ${inPeriod(v, closedAt, scope)}`;
      // Cases and contacts are counted by company each on their own, then joined: a join of
      // each case to its contacts' counts was a nested loop over the counts (their row
      // estimates from CTEs are 1 or 2).
      return sql`
    company_cases as (
      select company_id, count(*)::int as cases, min(created_at) as since,
             count(*) filter (where status = 'resolved'
               and ${closedInPeriod(sql`status`, sql`closed_at`)})::int as resolved,
             count(*) filter (where status = 'abandoned'
               and ${closedInPeriod(sql`status`, sql`closed_at`)})::int as abandoned
        from scoped group by company_id
    ),
    company_contacts as (
      select c.company_id,
             count(*) filter (where ${inPeriod(v, sql`c.started_at`, scope)})::int as contacts,
             -- All the contacts of the cases resolved in the period.
             count(*) filter (where c.case_status = 'resolved'
               and ${closedInPeriod(sql`c.case_status`, sql`c.case_closed_at`)})::int as resolved_contacts,
             sum(extract(epoch from c.ended_at - c.started_at)) filter (
               where ${talking} and ${inPeriod(v, sql`c.started_at`, scope)}) as talk
        from scoped_contacts c group by c.company_id
    ),
    counts as (
      select k.company_id as "companyId", co.name as "companyName", k.cases, k.since,
             k.resolved, k.abandoned, coalesce(n.contacts, 0) as contacts,
             coalesce(n.resolved_contacts, 0) as "resolvedContacts",
             coalesce(round(n.talk), 0)::int as "talkSeconds"
        from company_cases k
        join companies co on co.id = k.company_id and co.owner_id = ${userId}
        left join company_contacts n on n.company_id = k.company_id
    )`;
    })(),
    resolved: sql`
    resolved as (
      select company_id as "companyId", created_at as "openedAt", closed_at as "closedAt"
        from scoped
       where status = 'resolved' and closed_at is not null and ${inPeriod(v, sql`closed_at`, scope)}
    )`,
    /** Cases opened and resolved, and seconds spent talking, per month of the user's calendar. */
    monthly: (() => {
      // The bounds as a subquery of their own: read once (an InitPlan), not once per row as a
      // parameter's cast is in a prepared statement's generic plan.
      const month = (column: SQL) =>
        sql`width_bucket(${column}, (select cast(${v("monthStarts")} as text)::timestamptz[]))`;
      return sql`
    monthly as (
      select 'opened' as series, ${month(sql`created_at`)} as bucket,
             min(created_at) as "firstAt", count(*)::float8 as value
        from scoped where ${inPeriod(v, sql`created_at`, scope)} group by 2
      union all
      select 'resolved', ${month(sql`closed_at`)}, min(closed_at), count(*)::float8
        from scoped
       where status = 'resolved' and closed_at is not null and ${inPeriod(v, sql`closed_at`, scope)}
       group by 2
      union all
      select 'talk_seconds', ${month(sql`c.started_at`)}, min(c.started_at),
             sum(extract(epoch from c.ended_at - c.started_at))::float8
        from scoped_contacts c
       where ${talking} and ${inPeriod(v, sql`c.started_at`, scope)}
       group by 2
    )`;
    })(),
    /** Deadlines of cases still open: the pending ones, and the passed ones of escalated cases. */
    deadlines: sql`
    deadlines as (
      select t.id, t.kind, t.due_at as "dueAt", t.status, t.case_id as "caseId",
             t.case_title as "caseTitle", co.name as "companyName"
        from scoped_timers t
        join companies co on co.id = t.company_id and co.owner_id = ${userId}
       where t.case_status not in ('resolved', 'abandoned')
         and t.kind <> 'regulator_eligibility'
         and (t.status = 'pending' or (t.status = 'fired' and t.case_status = 'escalation_due'
              -- Only the deadline that escalated the case, not the ones before it.
              and not exists (
                select 1 from scoped_timers later
                 where later.case_id = t.case_id and later.kind = t.kind
                   and later.created_at > t.created_at)))
       order by t.due_at, t.id
       limit ${v("deadlines")}
    )`,
  } satisfies Record<Exclude<FigureGroup, "settings">, SQL>;
}

// How each group's rows are ordered inside its JSON array.
const groupOrder: Partial<Record<FigureGroup, string>> = {
  counts: '"companyName", "companyId"',
  deadlines: '"dueAt", id',
};

type JsonRow = Record<string, unknown>;

/** The statement of `groups` over a scope of this shape, its values bound by `v`. */
function figuresStatement(v: Bind, scope: CaseScope, groups: readonly FigureGroup[]): SQL {
  const ctes = groupCtes(v, scope);
  const tables = groups.filter((group) => group !== "settings");
  const columns = groups.map((group) => {
    if (group === "settings") return sql`${settingsJson(v("userId"))} as settings`;
    const order = groupOrder[group] ? sql.raw(` order by ${groupOrder[group]}`) : sql``;
    return sql`(select coalesce(json_agg(g${order}), '[]'::json) from ${sql.raw(group)} g) as ${sql.raw(group)}`;
  });
  return sql`
    with scoped as (${scopedCases(v, scope)}),
    ${sql.join([baseCtes(v), ...tables.map((group) => ctes[group])], sql`,`)}
    select ${sql.join(columns, sql`, `)}`;
}

/**
 * The figure groups asked for, as ONE statement: the scoped cases are read once, each group is
 * a CTE over them, and the one row holds each group as a JSON array.
 */
export function figuresQuery(
  userId: string,
  scope: CaseScope,
  groups: readonly FigureGroup[],
  options: FigureOptions,
): SQL {
  const values = figureValues(userId, scope, options);
  return figuresStatement((name) => values[name]!, scope, groups);
}

type FiguresRun = ReturnType<typeof preparedQuery<Record<FigureGroup, unknown>>>;
/** Statements by shape: the groups, which filters the scope has, how many statuses. */
const statements = new Map<string, FiguresRun>();

/**
 * The figure groups asked for, in one round trip instead of one per group; only the deadlines
 * shown have their (encrypted) case title decrypted.
 */
export async function selectFigures<G extends FigureGroup>(
  db: Database,
  userId: string,
  scope: CaseScope,
  groups: readonly G[],
  options: FigureOptions,
): Promise<Pick<FigureRows, G>> {
  const shape = [
    groups.join(","),
    ...(["companyId", "caseId", "from", "to"] as const).map((key) => (scope[key] ? key : "")),
    scope.statuses?.length ?? "",
  ].join("|");
  let run = statements.get(shape);
  if (!run) {
    run = preparedQuery(figuresStatement((name) => sql.placeholder(name), scope, groups));
    statements.set(shape, run);
  }
  const [row] = await run(db, { ...figureValues(userId, scope, options) });
  const result: Partial<FigureRows> = {};
  for (const group of groups) {
    (result as Record<G, unknown>)[group] = (parsers[group] as (value: unknown) => unknown)(
      row![group],
    );
  }
  return result as Pick<FigureRows, G>;
}

/** The group's rows as JSON gives them, with its timestamps (ISO text) made dates. */
const dated =
  <G extends FigureGroup>(...fields: string[]) =>
  (rows: JsonRow[]) =>
    rows.map((row) => {
      const parsed = { ...row };
      for (const field of fields) parsed[field] = asDate(row[field]);
      return parsed;
    }) as unknown as FigureRows[G];

// The CTEs name their columns as the rows' fields: only dates (and the titles) need work.
const parsers: { [G in FigureGroup]: (value: never) => FigureRows[G] } = {
  waits: dated<"waits">("askedAt", "answeredAt"),
  tallies: dated<"tallies">(),
  counts: dated<"counts">("since"),
  resolved: dated<"resolved">("openedAt", "closedAt"),
  monthly: dated<"monthly">("firstAt"),
  deadlines: (rows) =>
    dated<"deadlines">("dueAt")(rows).map((row) => ({
      ...row,
      // Read past Drizzle, so decrypted here (case titles are encrypted at rest): only the
      // few deadlines shown.
      caseTitle: decryptField(row.caseTitle, "cases.title"),
    })),
  settings: (value: Record<string, unknown> | null) => settingsFromJson(value),
};
