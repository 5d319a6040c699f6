// The big data set of `pnpm bench` and `pnpm seed:bench`: many people, each with companies, a
// ladder of channels per company, cases, contacts, questions and pending timers, bulk-loaded
// with COPY. Secondary indexes are dropped during the load and built once at the end (a GIN
// index built in one pass is several times faster than one row at a time).
import { randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";

import { caseDocument, contactDocument, questionDocument } from "@caseward/core";
import type { Database } from "@caseward/db";
import { encryptField, mostOccurrences, tokenVector } from "@caseward/db/encryption";
import type { CaseStatus, ChannelKind, ContactOutcome, Provenance } from "@caseward/db/vocabulary";
import { SingleBar } from "cli-progress";

import { caseText, companyNames, contactText, questionTexts } from "./corpus";
import type { Random } from "./random";
import { createRandom } from "./random";
import { benchKeyRing } from "./seed-keys";

type Sql = Database["$client"];

export interface BenchDataSize {
  users: number;
  cases: number;
  contacts: number;
}

export const fullDataSize: BenchDataSize = {
  users: 10_000,
  cases: 1_000_000,
  contacts: 5_000_000,
};
export const quickDataSize: BenchDataSize = { users: 200, cases: 20_000, contacts: 100_000 };

export interface BenchData {
  rows: Record<(typeof tables)[number]["name"], number>;
  seconds: number;
}

type Cell = string | number | boolean | Date | null;

// Column order of each COPY; generated columns and defaults are left out. `encrypted` columns
// are written as the app writes them (AES-256-GCM), with the blind index in `search`.
const tables = [
  { name: "users", columns: ["id", "name", "email", "email_verified", "created_at"] },
  {
    name: "user_settings",
    columns: ["user_id", "time_zone", "country", "subdivision", "email_reminders"],
  },
  {
    name: "companies",
    columns: ["id", "owner_id", "name", "website_url", "official_domain", "country", "created_at"],
  },
  {
    name: "channels",
    columns: [
      "id",
      "owner_id",
      "company_id",
      "kind",
      "value",
      "provenance",
      "status",
      "last_verified_at",
      "position",
      "is_preferred",
    ],
  },
  {
    name: "cases",
    columns: [
      "id",
      "owner_id",
      "company_id",
      "title",
      "description",
      "status",
      "priority",
      "last_contact_at",
      "closed_at",
      "created_at",
      "updated_at",
      "search",
    ],
    encrypted: ["title", "description"],
  },
  {
    name: "contacts",
    columns: [
      "id",
      "owner_id",
      "case_id",
      "channel_id",
      "channel_kind",
      "direction",
      "started_at",
      "ended_at",
      "representative_name",
      "reference_number",
      "notes",
      "outcome",
      "promised_follow_up",
      "transcript",
      "search",
    ],
    encrypted: [
      "representative_name",
      "reference_number",
      "notes",
      "promised_follow_up",
      "transcript",
    ],
  },
  {
    name: "questions",
    columns: ["owner_id", "case_id", "text", "tier", "position", "answer", "search"],
    encrypted: ["text", "answer"],
  },
  {
    name: "timers",
    columns: ["id", "owner_id", "case_id", "contact_id", "kind", "due_at"],
  },
] as const;
type TableName = (typeof tables)[number]["name"];

// COPY's text format: tab-separated, \N for null, backslash escapes.
function cell(value: Cell): string {
  if (value === null) return "\\N";
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "boolean") return value ? "t" : "f";
  if (typeof value === "number") return String(value);
  return value.replace(/[\\\t\n\r]/g, (c) =>
    c === "\\" ? "\\\\" : c === "\t" ? "\\t" : c === "\n" ? "\\n" : "\\r",
  );
}
const line = (values: Cell[]) => `${values.map(cell).join("\t")}\n`;

/** A row whose encrypted columns and search tokens are made per round (`sealRows`). */
interface Unsealed {
  cells: Cell[];
  document: string;
}

/**
 * COPY lines of rows with encrypted columns: their text encrypted, and the blind index from
 * the lexemes Postgres makes of each document (one query per 5,000 rows).
 */
async function sealRows(sql: Sql, table: (typeof tables)[number], rows: Unsealed[]) {
  const encrypted = new Set<string>("encrypted" in table ? table.encrypted : []);
  const lines: string[] = [];
  for (let from = 0; from < rows.length; from += 5000) {
    const batch = rows.slice(from, from + 5000);
    const lexemes = await sql<{ lexemes: string[] }[]>`
      select array(select v.lexeme from unnest(to_tsvector('english', d)) v,
                   generate_series(1, least(cardinality(v.positions), ${mostOccurrences}))) as lexemes
      from unnest(${batch.map((r) => r.document)}::text[]) with ordinality as t(d, i) order by i`;
    batch.forEach((row, i) => {
      const cells = row.cells.map((value, c) => {
        const column = table.columns[c]!;
        return encrypted.has(column) && value !== null
          ? encryptField(String(value), `${table.name}.${column}`)
          : value;
      });
      lines.push(line([...cells, tokenVector(lexemes[i]!.lexemes)]));
    });
  }
  return lines;
}

const day = 24 * 3600 * 1000;
const closedStatuses: CaseStatus[] = ["resolved", "abandoned"];
const synchronous: ChannelKind[] = ["phone", "chat", "in_person"];
const timeZones = ["America/Toronto", "America/Vancouver", "Europe/London", "Australia/Sydney"];
const channelValues: Record<string, (domain: string, random: Random) => string> = {
  email: (domain) => `support@${domain}`,
  phone: (_, random) => `+1888${random.int(1000000, 9999999)}`,
  web_form: (domain) => `https://www.${domain}/contact`,
  chat: (domain) => `https://www.${domain}/chat`,
  social: (domain) => `https://x.com/${domain.replace(/\.com$/, "")}help`,
};
const ladderKinds = ["email", "phone", "web_form", "chat", "social"] as const;

/** One person's rows, as COPY lines per table. `load` scales their share of the totals. */
function person(
  random: Random,
  index: number,
  ownerId: string,
  existing: boolean,
  counts: { cases: number; contacts: number },
  now: number,
) {
  const out: Record<Exclude<TableName, "cases" | "contacts" | "questions">, string[]> & {
    cases: Unsealed[];
    contacts: Unsealed[];
    questions: Unsealed[];
  } = {
    users: [],
    user_settings: [],
    companies: [],
    channels: [],
    cases: [],
    contacts: [],
    questions: [],
    timers: [],
  };
  if (!existing) {
    // No personal data: made-up names on a reserved domain.
    out.users.push(
      line([
        ownerId,
        `Bench Person ${index}`,
        `bench-${index}-${ownerId.slice(0, 8)}@example.test`,
        true,
        new Date(now - random.int(30, 900) * day),
      ]),
    );
    out.user_settings.push(line([ownerId, random.pick(timeZones), "CA", "ON", random.chance(0.5)]));
  }

  const companyCount = Math.max(1, Math.min(counts.cases, random.int(4, 16)));
  const companyRows = companyNames(random, companyCount).map((c) => {
    const id = randomUUID();
    out.companies.push(
      line([
        id,
        ownerId,
        c.name,
        `https://www.${c.domain}`,
        c.domain,
        "CA",
        new Date(now - 600 * day),
      ]),
    );
    const ladder = random.sample(ladderKinds, random.int(2, 4)).map((kind, position) => {
      const channel = { id: randomUUID(), kind };
      const verified = random.chance(0.7);
      out.channels.push(
        line([
          channel.id,
          ownerId,
          id,
          kind,
          channelValues[kind]!(c.domain, random),
          random.pick<Provenance>(["statement", "card_back", "official_website", "other"]),
          verified ? "verified" : "unverified",
          verified ? new Date(now - random.int(1, 200) * day) : null,
          position,
          position === 0,
        ]),
      );
      return channel;
    });
    return { id, industry: c.industry, ladder };
  });

  const caseRows = Array.from({ length: counts.cases }, () => {
    const company = random.pick(companyRows);
    const status = random.weighted<CaseStatus>({
      open: 10,
      awaiting_company: 18,
      awaiting_me: 9,
      escalation_due: 5,
      resolved: 48,
      abandoned: 10,
    });
    const createdAt = now - random.int(1, 540) * day;
    return {
      id: randomUUID(),
      company,
      status,
      createdAt,
      closedAt: closedStatuses.includes(status) ? createdAt + random.int(1, 60) * day : null,
      lastContactAt: null as number | null,
      lastOutbound: null as { id: string; at: number } | null,
      ...caseText(random, company.industry),
    };
  });

  // Contacts go to cases unevenly, as in life: a few long disputes, many short ones.
  const cumulative: number[] = [];
  let totalWeight = 0;
  for (let i = 0; i < caseRows.length; i++) cumulative.push((totalWeight += random.next() ** 2));
  for (let n = 0; n < counts.contacts && caseRows.length > 0; n++) {
    const roll = random.next() * totalWeight;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < roll) lo = mid + 1;
      else hi = mid;
    }
    const owner = caseRows[lo]!;
    const channel = random.chance(0.85) ? random.pick(owner.company.ladder) : null;
    const channelKind: ChannelKind = channel?.kind ?? "in_person";
    const end = Math.min(now, owner.closedAt ?? now);
    const startedAt = owner.createdAt + random.next() * Math.max(day, end - owner.createdAt);
    const id = randomUUID();
    const direction = random.chance(0.8) ? "outbound" : "inbound";
    if (!owner.lastContactAt || owner.lastContactAt < startedAt) owner.lastContactAt = startedAt;
    if (direction === "outbound" && (!owner.lastOutbound || owner.lastOutbound.at < startedAt))
      owner.lastOutbound = { id, at: startedAt };
    const text = contactText(random, owner.company.industry, channelKind === "chat");
    out.contacts.push({
      document: contactDocument(text),
      cells: [
        id,
        ownerId,
        owner.id,
        channel?.id ?? null,
        channelKind,
        direction,
        new Date(startedAt),
        synchronous.includes(channelKind) ? new Date(startedAt + random.int(4, 70) * 60_000) : null,
        text.representativeName,
        text.referenceNumber,
        text.notes,
        random.pick<ContactOutcome | null>([null, "waiting_company", "waiting_me", "no_answer"]),
        text.promisedFollowUp,
        text.transcript,
      ],
    });
  }

  for (const c of caseRows) {
    const updatedAt = new Date(Math.max(c.createdAt, c.lastContactAt ?? 0, c.closedAt ?? 0));
    out.cases.push({
      document: caseDocument(c),
      cells: [
        c.id,
        ownerId,
        c.company.id,
        c.title,
        c.description,
        c.status,
        random.weighted({ high: 15, normal: 70, low: 15 }),
        c.lastContactAt === null ? null : new Date(c.lastContactAt),
        c.closedAt === null ? null : new Date(c.closedAt),
        new Date(c.createdAt),
        updatedAt,
      ],
    });
    questionTexts(random, c.company.industry, random.int(0, 4)).forEach((q, position) =>
      out.questions.push({
        document: questionDocument(q),
        cells: [ownerId, c.id, q.text, position < 2 ? "need" : "nice", position, q.answer],
      }),
    );
    // A case waiting on its company has its response window running. Due days ahead: beyond
    // the reconciler's horizon, so a running worker leaves them pending.
    if (c.status === "awaiting_company" && c.lastOutbound) {
      out.timers.push(
        line([
          randomUUID(),
          ownerId,
          c.id,
          c.lastOutbound.id,
          "response_window",
          new Date(now + random.int(1, 14) * day + random.int(0, day)),
        ]),
      );
    }
  }
  return out;
}

/** Secondary indexes (not those behind a constraint) of the seeded tables: drop, later rebuild. */
async function dropSecondaryIndexes(sql: Sql) {
  const indexes = await sql<{ name: string; definition: string }[]>`
    select indexname as name, indexdef as definition from pg_indexes
    where schemaname = current_schema() and tablename in ${sql(tables.map((t) => t.name))}
      and indexname not in (select conname from pg_constraint)`;
  for (const index of indexes) await sql.unsafe(`drop index "${index.name}"`);
  return indexes;
}

/**
 * Loads `size` (cases and contacts are totals, spread over the people unevenly, ±50 %). The
 * people in `existingUserIds` (signed up through the app) come first and get exactly the
 * average load each: the bench's "typical user".
 */
export async function seedBenchData(
  sql: Sql,
  size: BenchDataSize,
  options: {
    existingUserIds?: string[];
    seed?: number;
    label?: string;
    /** A few rows into a big data set: its indexes kept, only planner statistics refreshed. */
    addToExisting?: boolean;
  } = {},
): Promise<BenchData> {
  const started = performance.now();
  benchKeyRing();
  const now = Date.now();
  const random = createRandom(options.seed ?? 20261128);
  const existing = options.existingUserIds ?? [];
  const averageCases = size.cases / size.users;
  const contactsPerCase = size.contacts / size.cases;
  const rows = Object.fromEntries(tables.map((t) => [t.name, 0])) as BenchData["rows"];

  const bar = new SingleBar({
    format: `${options.label ?? "Seeding"} {bar} {percentage}% | {value}/{total} people | {cases} cases, {contacts} contacts | {phase}`,
    hideCursor: true,
    clearOnComplete: false,
  });
  bar.start(size.users, 0, { cases: 0, contacts: 0, phase: "dropping indexes" });
  try {
    const indexes = options.addToExisting ? [] : await dropSecondaryIndexes(sql);
    bar.update({ phase: "loading" });
    // People per round of COPYs: enough rows per COPY to be cheap, few enough to stay in memory.
    const perRound = Math.max(1, Math.floor(20_000 / Math.max(1, averageCases)));
    for (let first = 0; first < size.users; first += perRound) {
      const round: Record<TableName, (string | Unsealed)[]> = Object.fromEntries(
        tables.map((t) => [t.name, [] as string[]]),
      ) as never;
      for (let i = first; i < Math.min(size.users, first + perRound); i++) {
        const ownerId = existing[i] ?? randomUUID().replaceAll("-", "");
        const cases = i < existing.length ? averageCases : averageCases * (0.5 + random.next());
        const load = person(
          random,
          i,
          ownerId,
          i < existing.length,
          {
            cases: Math.max(1, Math.round(cases)),
            contacts: Math.round(cases * contactsPerCase),
          },
          now,
        );
        for (const t of tables) round[t.name].push(...load[t.name]);
      }
      for (const t of tables) {
        const lines =
          "encrypted" in t
            ? await sealRows(sql, t, round[t.name] as Unsealed[])
            : (round[t.name] as string[]);
        if (lines.length === 0) continue;
        const writable = await sql
          .unsafe(`copy ${t.name} (${t.columns.join(", ")}) from stdin`)
          .writable();
        await pipeline(Readable.from(chunks(lines)), writable);
        rows[t.name] += lines.length;
      }
      bar.update(Math.min(size.users, first + perRound), {
        cases: rows.cases.toLocaleString("en"),
        contacts: rows.contacts.toLocaleString("en"),
      });
    }
    bar.update({ phase: `building ${indexes.length} indexes` });
    await sql.begin(async (tx) => {
      await tx`set local maintenance_work_mem = '512MB'`;
      for (const index of indexes) await tx.unsafe(index.definition);
    });
    bar.update({ phase: "vacuum analyze" });
    if (options.addToExisting) await sql`analyze`;
    else await sql`vacuum analyze`;
    // The load's dirty pages written now, not by a checkpoint in the middle of a measurement.
    bar.update({ phase: "checkpoint" });
    await sql`checkpoint`;
    bar.update({ phase: "done" });
  } finally {
    bar.stop();
  }
  return { rows, seconds: Math.round((performance.now() - started) / 100) / 10 };
}

/** Lines joined into chunks of ~256 kB: one socket write each. */
function* chunks(lines: string[]) {
  let chunk = "";
  for (const l of lines) {
    chunk += l;
    if (chunk.length > 256 * 1024) {
      yield chunk;
      chunk = "";
    }
  }
  if (chunk) yield chunk;
}
