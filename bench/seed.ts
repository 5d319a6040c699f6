import { randomUUID } from "node:crypto";

import type { Database } from "@caseward/db";
import { sql } from "@caseward/db";
import { cases, companies, contacts, questions, users } from "@caseward/db/schema";
import type { CaseStatus, ChannelKind, ContactOutcome } from "@caseward/db/vocabulary";
import { contactDocument, questionDocument, searchVectorsOf } from "@caseward/core";
import { SingleBar } from "cli-progress";

import { caseText, companyNames, contactText, questionTexts } from "./corpus";
import { createRandom } from "./random";
import { benchKeyRing } from "./seed-keys";

export interface SeedSize {
  companies: number;
  cases: number;
  contacts: number;
}

/** Steady state: GIN pending lists merged into the indexes and fresh planner statistics. */
export async function settle(db: Database) {
  await db.execute(sql`vacuum analyze`);
}

export interface Seeded {
  userId: string;
  companyIds: string[];
  rows: { companies: number; cases: number; contacts: number; questions: number };
}

// Rows per INSERT: well under Postgres's 65,535 parameters with the widest table (contacts).
const batchSize = 500;

const day = 24 * 3600 * 1000;
const closedStatuses: CaseStatus[] = ["resolved", "abandoned"];
const synchronous: ChannelKind[] = ["phone", "chat", "in_person"];

/**
 * One person's history, bulk-loaded: companies, their cases, contacts and questions. Each
 * `person` number gives a different but reproducible history.
 */
export async function seed(db: Database, size: SeedSize, person = 0): Promise<Seeded> {
  benchKeyRing();
  const now = Date.now();
  const random = createRandom(20261120 + person);
  const userId = randomUUID().replaceAll("-", "");
  await db
    .insert(users)
    .values({ id: userId, name: `Bench User ${person}`, email: `bench-${person}@example.test` });

  const companyRows = companyNames(random, size.companies).map((c) => ({
    id: randomUUID(),
    ownerId: userId,
    name: c.name,
    websiteUrl: `https://www.${c.domain}`,
    officialDomain: c.domain,
    country: "CA",
    industry: c.industry,
  }));

  // Contacts go to cases unevenly, as in life: a few long disputes, many short ones.
  const caseRows = Array.from({ length: size.cases }, () => {
    const company = random.pick(companyRows);
    const status = random.weighted<CaseStatus>({
      open: 10,
      awaiting_company: 18,
      awaiting_me: 9,
      escalation_due: 5,
      resolved: 48,
      abandoned: 10,
    });
    const createdAt = new Date(now - random.int(1, 540) * day);
    return {
      id: randomUUID(),
      ownerId: userId,
      companyId: company.id,
      industry: company.industry,
      ...caseText(random, company.industry),
      status,
      priority: random.weighted({ high: 15, normal: 70, low: 15 }),
      createdAt,
      updatedAt: createdAt,
      lastContactAt: null as Date | null,
      closedAt: closedStatuses.includes(status)
        ? new Date(createdAt.getTime() + random.int(1, 60) * day)
        : null,
      weight: random.next() ** 2,
    };
  });
  const totalWeight = caseRows.reduce((sum, c) => sum + c.weight, 0);

  const contactRows = Array.from({ length: size.contacts }, () => {
    let roll = random.next() * totalWeight;
    const owner = caseRows.find((c) => (roll -= c.weight) < 0) ?? caseRows.at(-1)!;
    const channelKind = random.pick<ChannelKind>(["phone", "chat", "email", "web_form", "social"]);
    const startedAt = new Date(
      owner.createdAt.getTime() +
        random.next() *
          Math.max(
            day,
            Math.min(now, owner.closedAt?.getTime() ?? now) - owner.createdAt.getTime(),
          ),
    );
    if (!owner.lastContactAt || owner.lastContactAt < startedAt) owner.lastContactAt = startedAt;
    return {
      ownerId: userId,
      caseId: owner.id,
      channelKind,
      direction: random.chance(0.8) ? ("outbound" as const) : ("inbound" as const),
      startedAt,
      endedAt: synchronous.includes(channelKind)
        ? new Date(startedAt.getTime() + random.int(4, 70) * 60_000)
        : null,
      outcome: random.pick<ContactOutcome | null>([
        null,
        "waiting_company",
        "waiting_me",
        "no_answer",
      ]),
      ...contactText(random, owner.industry, channelKind === "chat" && random.chance(0.8)),
    };
  });

  const questionRows = caseRows.flatMap((c) =>
    questionTexts(random, c.industry, random.int(0, 4)).map((q, position) => ({
      ownerId: userId,
      caseId: c.id,
      tier: position < 2 ? ("need" as const) : ("nice" as const),
      position,
      ...q,
    })),
  );

  const total = companyRows.length + caseRows.length + contactRows.length + questionRows.length;
  const bar = new SingleBar({
    format: `Seeding person ${person} {bar} {percentage}% | {value}/{total} rows | {table}`,
    hideCursor: true,
    clearOnComplete: false,
  });
  bar.start(total, 0, { table: "companies" });
  const load = async <T>(table: string, rows: T[], insert: (batch: T[]) => Promise<unknown>) => {
    bar.update({ table });
    for (let i = 0; i < rows.length; i += batchSize) {
      const batch = rows.slice(i, i + batchSize);
      await insert(batch);
      bar.increment(batch.length);
    }
  };
  try {
    await load("companies", companyRows, (batch) =>
      db.insert(companies).values(batch.map(({ industry: _, ...row }) => row)),
    );
    await load("cases", caseRows, (batch) =>
      db.insert(cases).values(batch.map(({ industry: _, weight: __, ...row }) => row)),
    );
    // Encrypted as the app writes them (the columns encrypt), with their blind index.
    await load("contacts", contactRows, async (batch) => {
      const vectors = await searchVectorsOf(db, batch.map(contactDocument));
      await db.insert(contacts).values(batch.map((row, i) => ({ ...row, search: vectors[i] })));
    });
    await load("questions", questionRows, async (batch) => {
      const vectors = await searchVectorsOf(db, batch.map(questionDocument));
      await db.insert(questions).values(batch.map((row, i) => ({ ...row, search: vectors[i] })));
    });
    bar.update({ table: "done" });
  } finally {
    bar.stop();
  }

  return {
    userId,
    companyIds: companyRows.map((c) => c.id),
    rows: {
      companies: companyRows.length,
      cases: caseRows.length,
      contacts: contactRows.length,
      questions: questionRows.length,
    },
  };
}
