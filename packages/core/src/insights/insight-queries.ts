import type { Database, SQL } from "@caseward/db";
import { executePrepared, sql } from "@caseward/db";
import { decryptField } from "@caseward/db/encryption";
import type { CaseStatus, TimerKind, TimerStatus } from "@caseward/db/vocabulary";

import type { TimerTally, Wait } from "./figures";

// The report card's and the insights page's SQL: every aggregate that Postgres can make is made
// there (counts, sums, months, the pairing of a question with its answer), so the web process
// reads a few rows per company, never every contact. Each query is scoped to one owner first.

/** Which of the user's cases the figures are over. */
export interface CaseScope {
  companyId?: string;
  caseId?: string;
  statuses?: readonly CaseStatus[];
  /** Cases alive in the period: opened before `to`, and not closed before `from`. */
  from?: Date;
  to?: Date;
}

/** Channels whose contacts are time the user spent talking: calls and chats. */
export const talkingKinds = ["phone", "chat"] as const;

/** The user's cases in `scope`, as a CTE body: id, company_id, status, created_at, closed_at. */
function scopedCases(userId: string, scope: CaseScope): SQL {
  const where: SQL[] = [sql`owner_id = ${userId}`];
  if (scope.companyId) where.push(sql`company_id = ${scope.companyId}`);
  if (scope.caseId) where.push(sql`id = ${scope.caseId}`);
  if (scope.statuses) {
    where.push(
      sql`status in (${sql.join(
        scope.statuses.map((s) => sql`${s}`),
        sql`, `,
      )})`,
    );
  }
  if (scope.to) where.push(sql`created_at < ${scope.to.toISOString()}`);
  if (scope.from) where.push(sql`(closed_at is null or closed_at >= ${scope.from.toISOString()})`);
  return sql`select id, company_id, status, created_at, closed_at from cases where ${sql.join(where, sql` and `)}`;
}

const asDate = (value: unknown) => (value instanceof Date ? value : new Date(String(value)));

/**
 * Each wait for an answer: the first outbound contact after the company last answered, and its
 * next answer — an inbound contact, or a response window the user marked "they answered" (a
 * satisfied window with no inbound contact after the contact that started it). Contacts are read
 * as they stand now, so a contact's latest edit counts.
 */
export async function selectWaits(
  db: Database,
  userId: string,
  scope: CaseScope,
): Promise<(Wait & { companyId: string })[]> {
  const rows = await executePrepared<{
    case_id: string;
    company_id: string;
    asked_at: string;
    answered_at: string;
  }>(
    db,
    sql`
    with scoped as (${scopedCases(userId, scope)}),
    events as (
      select c.case_id, s.company_id, c.started_at as at,
             case when c.direction = 'outbound' then 1 else 0 end as asked
        from contacts c join scoped s on s.id = c.case_id
       where c.owner_id = ${userId}
      union all
      select t.case_id, s.company_id, t.updated_at, 0
        from timers t
        join scoped s on s.id = t.case_id
        join contacts o on o.id = t.contact_id and o.owner_id = ${userId}
       where t.owner_id = ${userId} and t.kind = 'response_window' and t.status = 'satisfied'
         and not exists (
           select 1 from contacts i
            where i.case_id = t.case_id and i.owner_id = ${userId}
              and i.direction = 'inbound' and i.started_at >= o.started_at)
    ),
    ordered as (
      select case_id, company_id, at, asked,
             lag(asked) over (partition by case_id order by at, asked) as previous,
             min(at) filter (where asked = 0) over (
               partition by case_id order by at, asked
               rows between current row and unbounded following) as answered_at
        from events
    )
    select case_id, company_id, at as asked_at, answered_at
      from ordered
     where asked = 1 and coalesce(previous, 0) = 0 and answered_at is not null`,
  );
  return rows.map((row) => ({
    caseId: row.case_id,
    companyId: row.company_id,
    askedAt: asDate(row.asked_at),
    answeredAt: asDate(row.answered_at),
  }));
}

/** The cases' deadlines, counted by company, kind, status and whether they are past due. */
export async function selectTimerTallies(
  db: Database,
  userId: string,
  scope: CaseScope,
  now: Date,
): Promise<(TimerTally & { companyId: string })[]> {
  const rows = await executePrepared<{
    company_id: string;
    kind: TimerKind;
    status: TimerStatus;
    past_due: boolean;
    answered_after_due: boolean;
    count: number;
  }>(
    db,
    sql`
    with scoped as (${scopedCases(userId, scope)})
    select s.company_id, t.kind, t.status, t.due_at <= ${now.toISOString()} as past_due,
           exists (
             select 1 from contacts i
              where i.case_id = t.case_id and i.owner_id = ${userId}
                and i.direction = 'inbound' and i.started_at > t.due_at) as answered_after_due,
           count(*)::int as count
      from timers t join scoped s on s.id = t.case_id
     where t.owner_id = ${userId}
     group by 1, 2, 3, 4, 5`,
  );
  return rows.map((row) => ({
    companyId: row.company_id,
    kind: row.kind,
    status: row.status,
    pastDue: row.past_due,
    answeredAfterDue: row.answered_after_due,
    count: Number(row.count),
  }));
}

export interface CompanyCounts {
  companyId: string;
  companyName: string;
  cases: number;
  since: Date;
  resolved: number;
  abandoned: number;
  contacts: number;
  /** Contacts of the resolved cases. */
  resolvedContacts: number;
  /** Seconds on calls and chats (contacts with an end time). */
  talkSeconds: number;
}

/** Per company: how many cases and contacts, since when, and the time spent talking. */
export async function selectCompanyCounts(
  db: Database,
  userId: string,
  scope: CaseScope,
): Promise<CompanyCounts[]> {
  const rows = await executePrepared<{
    company_id: string;
    company_name: string;
    cases: number;
    since: string;
    resolved: number;
    abandoned: number;
    contacts: number;
    resolved_contacts: number;
    talk_seconds: number;
  }>(
    db,
    sql`
    with scoped as (${scopedCases(userId, scope)}),
    per_case as (
      select s.id, s.company_id, s.status, s.created_at,
             count(c.id)::int as contacts,
             coalesce(sum(extract(epoch from c.ended_at - c.started_at)) filter (
               where c.channel_kind in ('phone', 'chat') and c.ended_at > c.started_at), 0) as talk
        from scoped s left join contacts c on c.case_id = s.id and c.owner_id = ${userId}
       group by s.id, s.company_id, s.status, s.created_at
    )
    select p.company_id, co.name as company_name,
           count(*)::int as cases, min(p.created_at) as since,
           count(*) filter (where p.status = 'resolved')::int as resolved,
           count(*) filter (where p.status = 'abandoned')::int as abandoned,
           sum(p.contacts)::int as contacts,
           coalesce(sum(p.contacts) filter (where p.status = 'resolved'), 0)::int as resolved_contacts,
           sum(p.talk)::float8 as talk_seconds
      from per_case p join companies co on co.id = p.company_id and co.owner_id = ${userId}
     group by p.company_id, co.name
     order by co.name`,
  );
  return rows.map((row) => ({
    companyId: row.company_id,
    companyName: row.company_name,
    cases: Number(row.cases),
    since: asDate(row.since),
    resolved: Number(row.resolved),
    abandoned: Number(row.abandoned),
    contacts: Number(row.contacts),
    resolvedContacts: Number(row.resolved_contacts),
    talkSeconds: Math.round(Number(row.talk_seconds)),
  }));
}

/** The resolved cases: when each was opened and (last) resolved. */
export async function selectResolvedCases(db: Database, userId: string, scope: CaseScope) {
  const rows = await executePrepared<{ company_id: string; created_at: string; closed_at: string }>(
    db,
    sql`
    with scoped as (${scopedCases(userId, scope)})
    select company_id, created_at, closed_at from scoped
     where status = 'resolved' and closed_at is not null`,
  );
  return rows.map((row) => ({
    companyId: row.company_id,
    openedAt: asDate(row.created_at),
    closedAt: asDate(row.closed_at),
  }));
}

export type MonthSeries = "opened" | "resolved" | "talk_seconds";

/** Cases opened and resolved, and seconds spent talking, per month of the user's calendar. */
export async function selectMonthly(
  db: Database,
  userId: string,
  scope: CaseScope,
  timeZone: string,
) {
  const month = (column: SQL) =>
    sql`to_char(date_trunc('month', ${column} at time zone ${timeZone}), 'YYYY-MM')`;
  const rows = await executePrepared<{ series: MonthSeries; month: string; value: number }>(
    db,
    sql`
    with scoped as (${scopedCases(userId, scope)})
    select 'opened' as series, ${month(sql`created_at`)} as month, count(*)::float8 as value
      from scoped group by 2
    union all
    select 'resolved', ${month(sql`closed_at`)}, count(*)::float8
      from scoped where status = 'resolved' and closed_at is not null group by 2
    union all
    select 'talk_seconds', ${month(sql`c.started_at`)},
           sum(extract(epoch from c.ended_at - c.started_at))::float8
      from contacts c join scoped s on s.id = c.case_id
     where c.owner_id = ${userId} and c.channel_kind in ('phone', 'chat')
       and c.ended_at > c.started_at
     group by 2`,
  );
  return rows.map((row) => ({ series: row.series, month: row.month, value: Number(row.value) }));
}

/** Deadlines of cases still open: the pending ones, and the passed ones of escalated cases. */
export async function selectOpenDeadlines(
  db: Database,
  userId: string,
  scope: CaseScope,
  limit: number,
) {
  const rows = await executePrepared<{
    id: string;
    kind: TimerKind;
    due_at: string;
    status: TimerStatus;
    case_id: string;
    title: string;
    company_name: string;
  }>(
    db,
    sql`
    with scoped as (${scopedCases(userId, scope)})
    select t.id, t.kind, t.due_at, t.status, t.case_id, ca.title, co.name as company_name
      from timers t
      join scoped s on s.id = t.case_id
      join cases ca on ca.id = s.id and ca.owner_id = ${userId}
      join companies co on co.id = s.company_id and co.owner_id = ${userId}
     where t.owner_id = ${userId}
       and s.status not in ('resolved', 'abandoned')
       and t.kind <> 'regulator_eligibility'
       and (t.status = 'pending' or (t.status = 'fired' and s.status = 'escalation_due'
            -- Only the deadline that escalated the case, not the ones before it.
            and not exists (
              select 1 from timers later
               where later.case_id = t.case_id and later.owner_id = ${userId}
                 and later.kind = t.kind and later.created_at > t.created_at)))
     order by t.due_at, t.id
     limit ${limit}`,
  );
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    status: row.status,
    dueAt: asDate(row.due_at),
    caseId: row.case_id,
    // Read past Drizzle, so decrypted here (case titles are encrypted at rest).
    caseTitle: decryptField(row.title, "cases.title"),
    companyName: row.company_name,
  }));
}
