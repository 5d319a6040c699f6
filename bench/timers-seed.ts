import { randomUUID } from "node:crypto";

import type { Database } from "@caseward/db";
import {
  cases,
  channels,
  companies,
  contacts,
  timers,
  users,
  userSettings,
} from "@caseward/db/schema";
import { SingleBar } from "cli-progress";

import { benchKeyRing } from "./seed-keys";

// Rows per INSERT: the widest table here binds ~12 parameters a row, far below Postgres's 65,535.
const batchSize = 1_000;
const day = 24 * 3600 * 1000;

export interface SeededTimers {
  timerIds: string[];
  rows: Record<string, number>;
}

/**
 * `count` people as escalation.test.ts builds them, bulk-loaded: no quiet hours, no reminder,
 * a company with a verified email and phone, one case whose outbound email of three weeks ago
 * started a response window that comes due at `dueAt`.
 */
export async function seedDueTimers(
  db: Database,
  count: number,
  dueAt: Date,
): Promise<SeededTimers> {
  // The workers started next read these rows' encrypted text with the same ring.
  benchKeyRing();
  const now = new Date();
  const sentAt = new Date(now.getTime() - 21 * day);
  const people = Array.from({ length: count }, (_, i) => ({
    i,
    userId: randomUUID().replaceAll("-", ""),
    companyId: randomUUID(),
    emailChannelId: randomUUID(),
    phoneChannelId: randomUUID(),
    caseId: randomUUID(),
    contactId: randomUUID(),
    timerId: randomUUID(),
  }));

  const tables: [string, (batch: typeof people) => Promise<unknown>][] = [
    [
      "users",
      (batch) =>
        db.insert(users).values(
          batch.map((p) => ({
            id: p.userId,
            name: `Timer Bench ${p.i}`,
            email: `timer-bench-${p.i}-${p.userId.slice(0, 6)}@example.test`,
            // Reminders go to confirmed addresses only (an unconfirmed one's are held).
            emailVerified: true,
          })),
        ),
    ],
    [
      "user_settings",
      (batch) =>
        db.insert(userSettings).values(
          batch.map((p) => ({
            userId: p.userId,
            timeZone: "America/Toronto",
            country: "CA",
            subdivision: "ON",
            quietHoursStart: "00:00",
            quietHoursEnd: "00:00",
            emailEscalations: true,
            emailReminders: false,
            emailDailyDigest: false,
          })),
        ),
    ],
    [
      "companies",
      (batch) =>
        db.insert(companies).values(
          batch.map((p) => ({
            id: p.companyId,
            ownerId: p.userId,
            name: "Rogers",
            websiteUrl: "https://www.rogers.com",
            officialDomain: "rogers.com",
            country: "CA",
          })),
        ),
    ],
    [
      "channels",
      (batch) =>
        db.insert(channels).values(
          batch.flatMap((p) => [
            {
              id: p.emailChannelId,
              ownerId: p.userId,
              companyId: p.companyId,
              kind: "email" as const,
              value: "help@rogers.com",
              provenance: "statement" as const,
              status: "verified" as const,
              lastVerifiedAt: now,
              position: 0,
              isPreferred: true,
            },
            {
              id: p.phoneChannelId,
              ownerId: p.userId,
              companyId: p.companyId,
              kind: "phone" as const,
              value: "+18887643771",
              provenance: "card_back" as const,
              status: "verified" as const,
              lastVerifiedAt: now,
              position: 1,
              isPreferred: false,
            },
          ]),
        ),
    ],
    [
      "cases",
      (batch) =>
        db.insert(cases).values(
          batch.map((p) => ({
            id: p.caseId,
            ownerId: p.userId,
            companyId: p.companyId,
            title: "Internet outage since Monday",
            status: "awaiting_company" as const,
            lastContactAt: sentAt,
          })),
        ),
    ],
    [
      "contacts",
      (batch) =>
        db.insert(contacts).values(
          batch.map((p) => ({
            id: p.contactId,
            ownerId: p.userId,
            caseId: p.caseId,
            channelId: p.emailChannelId,
            channelKind: "email" as const,
            direction: "outbound" as const,
            startedAt: sentAt,
          })),
        ),
    ],
    [
      "timers",
      (batch) =>
        db.insert(timers).values(
          batch.map((p) => ({
            id: p.timerId,
            ownerId: p.userId,
            caseId: p.caseId,
            contactId: p.contactId,
            kind: "response_window" as const,
            dueAt,
          })),
        ),
    ],
  ];

  const bar = new SingleBar({
    format: `Seeding ${count.toLocaleString("en")} due timers {bar} {percentage}% | {value}/{total} | {table}`,
    hideCursor: true,
    clearOnComplete: false,
  });
  bar.start(count * tables.length, 0, { table: "users" });
  try {
    for (const [table, insert] of tables) {
      bar.update({ table });
      for (let i = 0; i < people.length; i += batchSize) {
        const batch = people.slice(i, i + batchSize);
        await insert(batch);
        bar.increment(batch.length);
      }
    }
    bar.update({ table: "done" });
  } finally {
    bar.stop();
  }
  return {
    timerIds: people.map((p) => p.timerId),
    rows: Object.fromEntries(
      tables.map(([table]) => [table, table === "channels" ? count * 2 : count]),
    ),
  };
}
