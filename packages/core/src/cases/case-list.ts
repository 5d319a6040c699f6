import type { Database, SQL } from "@caseward/db";
import { and, eq, fillPlaceholders, queryText, sql } from "@caseward/db";
import { decryptField } from "@caseward/db/encryption";
import { cases, companies, timers } from "@caseward/db/schema";
import type { CasePriority, CaseStatus, TimerKind } from "@caseward/db/vocabulary";
import { casePriorities, caseStatuses } from "@caseward/db/vocabulary";
import { z } from "zod";

import type { CaseMatch } from "../search/case-search";
import { caseMatches, matchSnippets } from "../search/case-search";
import {
  indexPendingSearch,
  searchPending,
  searchWords,
  startSearch,
} from "../search/search-index";
import { closedStatuses } from "./status";

export const caseListFilters = z.object({
  companyId: z.uuid("Unknown company.").optional(),
  status: z.enum(caseStatuses, "Pick a status from the list.").optional(),
  priority: z.enum(casePriorities, "Pick a priority from the list.").optional(),
  q: z.string().trim().max(200, "Keep the search under 200 characters.").optional(),
});
export type CaseListFilters = z.input<typeof caseListFilters>;

/** The dashboard's sections, in the order it shows them. */
export const caseGroups = [
  "needs_attention",
  "waiting_company",
  "waiting_me",
  "resolved",
  "abandoned",
] as const;
export type CaseGroup = (typeof caseGroups)[number];

export const caseGroupOfStatus: Record<CaseStatus, CaseGroup> = {
  open: "needs_attention",
  escalation_due: "needs_attention",
  awaiting_company: "waiting_company",
  awaiting_me: "waiting_me",
  resolved: "resolved",
  abandoned: "abandoned",
};

/**
 * Each group lists its first cases (the most urgent, the newest closed, the best matches) and
 * counts the rest; "Show more" asks for the next ones. Closed cases pile up over the years and
 * a broad search matches half of everything, so no group is listed whole by default.
 */
export const shownPerGroup = 20;
/** The most one group lists at once, however many times "Show more" was pressed. */
export const mostShownPerGroup = 1000;

/** How many cases to list in each group (default `shownPerGroup`). */
export const caseListInput = caseListFilters.extend({
  shown: z
    .partialRecord(
      z.enum(caseGroups, "Pick a group from the list."),
      z
        .int("Say how many cases to show.")
        .min(1, "Show at least one case.")
        .max(mostShownPerGroup, `Show at most ${mostShownPerGroup} cases at once.`),
    )
    .optional(),
});
export type CaseListInput = z.input<typeof caseListInput>;
type Shown = Record<CaseGroup, number>;

/**
 * A case as the dashboard lists it: only what a row shows. Times are milliseconds since the
 * epoch (a Date each, four a row, was a fifth of the answer's bytes in superjson's paths);
 * the countdown to the deadline is made where it is shown (`countdownOf`), in the user's
 * calendar, at the moment the page is written.
 */
export interface CaseListRow {
  id: string;
  title: string;
  status: CaseStatus;
  priority: CasePriority;
  /** ms since the epoch. */
  lastContactAt: number | null;
  /** ms since the epoch. */
  createdAt: number;
  /** A red flag was raised in one of its contacts and not yet dealt with. */
  flagged: boolean;
  /** Its company, named once in the list's `companies`. */
  companyId: string;
  /** Set when the list was searched: where the case matched and the words around the hit. */
  match: CaseMatch | null;
  /** Its soonest pending deadline (`dueAt` in ms since the epoch). */
  nextDeadline: { kind: TimerKind; dueAt: number } | null;
}

export interface CaseList {
  groups: Record<CaseGroup, CaseListRow[]>;
  /** Cases per group, including those past the ones listed. */
  counts: Record<CaseGroup, number>;
  total: number;
  /** The listed cases' companies by id, each once however many of its cases are listed. */
  companies: Record<string, { name: string }>;
}

// Literals, not parameters: the same expression must partition, select and plan as one.
// The words come from our own vocabulary, never from input.
const groupOf = sql<CaseGroup>`case ${cases.status} ${sql.raw(
  Object.entries(caseGroupOfStatus)
    .map(([status, group]) => `when '${status}' then '${group}'`)
    .join(" "),
)} end`;
const isClosed = sql`${cases.status} in ${[...closedStatuses]}`;
// Within a group: escalations first, then by priority, then the case waiting longest.
const byUrgency = [
  sql`case ${cases.status} when 'escalation_due' then 0 when 'awaiting_me' then 1 when 'open' then 2 else 3 end`,
  sql`case ${cases.priority} when 'high' then 0 when 'normal' then 1 else 2 end`,
  sql`coalesce(${cases.lastContactAt}, ${cases.createdAt})`,
];

/**
 * The one query behind `listCases` (exported so the bench can EXPLAIN it). A window numbers
 * the rows of each group in display order and counts them; only the first `shown` of each
 * group are kept, so snippets are made for the rows shown, never more. With a search,
 * `tokenQuery` is `searchTokenQuery(db, q)`: the same words for the encrypted text.
 */
export function caseListQuery(
  db: Database,
  userId: string,
  { companyId, status, priority, q: rawQ }: z.output<typeof caseListFilters>,
  tokenQuery = "",
  shown: Shown = defaultShown,
) {
  const q = rawQ || undefined;
  const matches = q === undefined ? undefined : caseMatches(db, userId, tokenQuery);
  const order = sql.join(
    [
      ...(matches ? [sql`${matches.rank} desc`] : []),
      sql`case when ${isClosed} then coalesce(${cases.closedAt}, ${cases.updatedAt}) end desc`,
      ...byUrgency,
    ],
    sql`, `,
  );
  const base = (matches ? db.with(matches) : db)
    .select({
      id: cases.id,
      title: cases.title,
      status: cases.status,
      priority: cases.priority,
      lastContactAt: cases.lastContactAt,
      createdAt: cases.createdAt,
      flaggedAt: cases.flaggedAt,
      companyId: sql`${companies.id}`.mapWith(companies.id).as("company_id"),
      companyName: sql`${companies.name}`.mapWith(companies.name).as("company_name"),
      officialDomain: companies.officialDomain,
      source: matches ? matches.source : sql<null>`null`.as("source"),
      sourceId: matches ? matches.sourceId : sql<null>`null`.as("source_id"),
      sourceVersion: matches ? matches.sourceVersion : sql<null>`null`.as("source_version"),
      group: groupOf.as("group"),
      place: sql<number>`row_number() over (partition by ${groupOf} order by ${order})`.as("place"),
      groupCount: sql<number>`count(*) over (partition by ${groupOf})`
        .mapWith(Number)
        .as("group_count"),
    })
    .from(cases)
    .innerJoin(
      companies,
      and(eq(companies.id, cases.companyId), eq(companies.ownerId, cases.ownerId)),
    );
  const ranked = (matches ? base.innerJoin(matches, eq(matches.caseId, cases.id)) : base)
    .where(
      and(
        eq(cases.ownerId, userId),
        companyId ? eq(cases.companyId, companyId) : undefined,
        status ? eq(cases.status, status) : undefined,
        priority ? eq(cases.priority, priority) : undefined,
      ),
    )
    .as("ranked");

  // One comparison for every group (a CASE of the group's limit), so that one statement serves
  // every "Show more"; the limits are parameters, cast because a CASE of parameters is text.
  const limitOfGroup = sql`case ${ranked.group} ${sql.join(
    caseGroups.map((group) => sql`when ${sql.raw(`'${group}'`)} then ${shown[group]}::int`),
    sql` `,
  )} end`;
  return db
    .select({
      id: ranked.id,
      title: ranked.title,
      status: ranked.status,
      priority: ranked.priority,
      lastContactAt: ranked.lastContactAt,
      createdAt: ranked.createdAt,
      flaggedAt: ranked.flaggedAt,
      companyId: ranked.companyId,
      companyName: ranked.companyName,
      officialDomain: ranked.officialDomain,
      group: ranked.group,
      groupCount: ranked.groupCount,
      source: ranked.source,
      sourceId: ranked.sourceId,
      sourceVersion: ranked.sourceVersion,
      place: ranked.place,
    })
    .from(ranked)
    .where(sql`${ranked.place} <= ${limitOfGroup}`)
    .orderBy(ranked.place);
}

const defaultShown: Shown = {
  needs_attention: shownPerGroup,
  waiting_company: shownPerGroup,
  waiting_me: shownPerGroup,
  resolved: shownPerGroup,
  abandoned: shownPerGroup,
};

const filterNames = ["companyId", "status", "priority", "q"] as const;
type FilterName = (typeof filterNames)[number];
const built = new WeakMap<Database, Map<string, ReturnType<typeof queryText>>>();

// The columns of `caseListQuery` that a row of the list is read from, by position.
const listColumns = [
  "id",
  "title",
  "status",
  "priority",
  "last_contact_at",
  "created_at",
  "flagged_at",
  "company_id",
  "company_name",
  "group",
  "group_count",
  "source",
  "source_id",
  "source_version",
] as const;

/**
 * The list's one statement: as one JSON array, the rows of `caseListQuery`, each with its
 * soonest pending deadline. It was two statements, one after the other (the deadlines needed
 * the listed ids): two round trips, and the driver parsing ~100 rows of 15 columns cell by
 * cell where one JSON.parse reads them all.
 */
function buildCaseList(db: Database, set: readonly FilterName[]) {
  // Placeholders stand for the values: the query is built once per set of filters in use.
  const value = (name: string) => sql.placeholder(name) as unknown as string;
  const list = caseListQuery(
    db,
    value("userId"),
    {
      companyId: set.includes("companyId") ? value("companyId") : undefined,
      status: set.includes("status") ? (value("status") as CaseStatus) : undefined,
      priority: set.includes("priority") ? (value("priority") as CasePriority) : undefined,
      q: set.includes("q") ? value("q") : undefined,
    },
    set.includes("q") ? value("tokenQuery") : undefined,
    Object.fromEntries(
      caseGroups.map((group) => [group, sql.placeholder(`shown_${group}`) as unknown as number]),
    ) as Shown,
  );
  // Times go out as milliseconds since the epoch (the precision of a Date) and stay numbers in
  // the answer; a red flag only as whether there is one (a row shows no more).
  const epochMs = (value: SQL) => sql`floor(extract(epoch from ${value}) * 1000)::bigint`;
  const column = (name: string) => sql.raw(`"listed"."${name}"`);
  const row = (name: string) =>
    name === "flagged_at"
      ? sql`${column(name)} is not null`
      : timeColumns.has(name)
        ? epochMs(column(name))
        : column(name);
  // A deadline is pending while its timer is and its case is open (as `pendingDeadlinesJson`);
  // ties on the due date go by id, so the same timer is picked every time.
  const soonestDeadline = sql`(select json_build_array(${timers.kind}, ${epochMs(sql`${timers.dueAt}`)})
      from ${timers}
      where ${timers.ownerId} = ${sql.placeholder("userId")} and ${timers.status} = 'pending'
        and ${timers.caseId} = ${column("id")} and ${column("status")} not in ${[...closedStatuses]}
      order by ${timers.dueAt}, ${timers.id} limit 1)`;
  // A search also asks whether any of the user's text is not indexed yet (`startSearch`): if
  // so, it is indexed and the list read again; most searches are then one statement.
  const pending = set.includes("q") ? searchPending(sql.placeholder("userId")) : sql`false`;
  return queryText(sql`select ${pending} as pending,
    (select coalesce(json_agg(json_build_array(${sql.join(
      listColumns.map((name) => row(name)),
      sql`, `,
    )}, ${soonestDeadline}) order by ${column("place")}), '[]') from ${list} as "listed") as rows`);
}

const timeColumns = new Set(["last_contact_at", "created_at"]);

/** A row of the list as JSON gives it: `listColumns` in order, then the soonest deadline. */
type ListedRow = [
  id: string,
  title: string,
  status: CaseStatus,
  priority: CasePriority,
  lastContactAt: number | null,
  createdAt: number,
  flagged: boolean,
  companyId: string,
  companyName: string,
  group: CaseGroup,
  groupCount: number,
  source: CaseMatch["where"] | null,
  sourceId: string | null,
  sourceVersion: string | null,
  nextDeadline: [kind: TimerKind, dueAt: number] | null,
];

/**
 * Titles decrypted lately, by their stored (sealed) value: the dashboard is read again and
 * again, and one AES-GCM decryption per listed case was a fifth of the list's own CPU. A
 * sealed value has one plain text (its key, IV and tag are part of it), so a hit is exact;
 * only what this process already showed is kept, in memory, at most `rememberedTitles`.
 */
const rememberedTitles = 5_000;
const titles = new Map<string, string>();
function caseTitle(sealed: string) {
  let title = titles.get(sealed);
  if (title === undefined) {
    title = decryptField(sealed, "cases.title");
    if (titles.size >= rememberedTitles) titles.delete(titles.keys().next().value!);
    titles.set(sealed, title);
  }
  return title;
}

/**
 * The list's statement built once per database and set of filters (building its CASE and
 * window expressions cost more CPU than running it), run as a prepared statement.
 */
async function runCaseList(
  db: Database,
  filters: z.output<typeof caseListFilters>,
  values: Record<string, unknown>,
) {
  const set = filterNames.filter((name) => filters[name]);
  const key = set.join(",");
  let forDb = built.get(db);
  if (!forDb) built.set(db, (forDb = new Map<string, ReturnType<typeof queryText>>()));
  let query = forDb.get(key);
  if (!query) forDb.set(key, (query = buildCaseList(db, set)));
  const params = fillPlaceholders(query.params, values) as never[];
  const [result] = (await db.$client.unsafe(query.sql, params, { prepare: true })) as unknown as {
    pending: boolean;
    rows: ListedRow[];
  }[];
  return { rows: result?.rows ?? [], pending: result?.pending === true };
}

/**
 * The user's cases across companies, grouped for the dashboard, filtered and searched.
 * Open groups: escalations first, then by priority, then the case waiting longest; closed
 * ones: newest first. A search puts each group's best matches first. Each group lists its
 * first `shown[group]` cases (default `shownPerGroup`) and counts them all.
 */
export async function listCases(
  db: Database,
  userId: string,
  input: CaseListInput,
): Promise<CaseList> {
  const { shown, ...parsed } = caseListInput.parse(input);
  const q = parsed.q || undefined;
  // Encrypted text is searched through its blind index: rows written since the last search
  // are indexed first, and the words become tokens. Words searched before skip the first
  // statement: the list's own says whether anything is left to index.
  const known = q === undefined ? undefined : searchWords(q);
  const tokenQuery =
    q === undefined ? undefined : known !== undefined ? known() : await startSearch(db, userId, q);
  const limits = Object.fromEntries(
    caseGroups.map((group) => [`shown_${group}`, shown?.[group] ?? shownPerGroup]),
  );
  const values = { ...parsed, userId, tokenQuery, ...limits };
  let listed = await runCaseList(db, parsed, values);
  if (listed.pending) {
    await indexPendingSearch(db, userId);
    listed = await runCaseList(db, parsed, values);
  }
  const rows = listed.rows;
  const matched = rows.flatMap((r) =>
    r[11] && r[12] ? [{ source: r[11], sourceId: r[12], sourceVersion: r[13] }] : [],
  );
  const snippets = q === undefined ? [] : await matchSnippets(db, userId, matched, q);
  const snippetOf = new Map(matched.map((m, i) => [`${m.source}:${m.sourceId}`, snippets[i]!]));
  const groups = Object.fromEntries(
    caseGroups.map((group) => [group, []]),
  ) as unknown as CaseList["groups"];
  const counts = Object.fromEntries(caseGroups.map((group) => [group, 0])) as CaseList["counts"];
  const companies: CaseList["companies"] = {};
  for (const r of rows) {
    const companyId = r[7];
    const group = r[9];
    const source = r[11];
    const sourceId = r[12];
    const deadline = r[14];
    counts[group] = Number(r[10]);
    companies[companyId] ??= { name: r[8] };
    groups[group].push({
      id: r[0],
      title: caseTitle(r[1]),
      status: r[2],
      priority: r[3],
      lastContactAt: r[4],
      createdAt: r[5],
      flagged: r[6],
      companyId,
      match:
        source && sourceId
          ? { where: source, snippet: snippetOf.get(`${source}:${sourceId}`) ?? "" }
          : null,
      nextDeadline: deadline ? { kind: deadline[0], dueAt: deadline[1] } : null,
    });
  }
  return {
    groups,
    counts,
    total: Object.values(counts).reduce((sum, n) => sum + n, 0),
    companies,
  };
}
