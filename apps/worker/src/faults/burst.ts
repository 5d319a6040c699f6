// A burst of due escalations for the fault tests: the cases, their notification rows, and the
// check that every notification reached the SMTP sink exactly once, under its own Message-ID.
import { notificationMessageId } from "@caseward/core";
import type { Enqueue } from "@caseward/core/jobs";
import { scheduleTimers } from "@caseward/core/jobs";
import { and, eq, inArray } from "@caseward/db";
import type { Database } from "@caseward/db";
import { notifications, timers } from "@caseward/db/schema";
import type { Delivery } from "@caseward/services/smtp-sink";
import { waitFor } from "@caseward/services/wait-for";
import { expect } from "vitest";

import { caseWaitingOnCompany } from "../testing/case-waiting-on-company";

/** `count` cases whose response windows are all due: their pending timers, not yet queued. */
export async function dueCases(db: Database, count: number, parallel = 6) {
  const caseIds: string[] = [];
  for (let i = 0; i < count; i += parallel) {
    const batch = Math.min(parallel, count - i);
    caseIds.push(
      ...(await Promise.all(
        Array.from({ length: batch }, () => caseWaitingOnCompany(db).then((c) => c.caseId)),
      )),
    );
  }
  const due = await db
    .select({ id: timers.id, dueAt: timers.dueAt })
    .from(timers)
    .where(and(inArray(timers.caseId, caseIds), eq(timers.status, "pending")));
  expect(due).toHaveLength(count);
  expect(due.every((t) => t.dueAt.getTime() < Date.now())).toBe(true);
  return { caseIds, due };
}

export function notificationsOf(db: Database, caseIds: string[]) {
  return db
    .select({
      id: notifications.id,
      caseId: notifications.caseId,
      state: notifications.state,
      attempts: notifications.attempts,
      sentAt: notifications.sentAt,
    })
    .from(notifications)
    .where(inArray(notifications.caseId, caseIds));
}

export type NotificationRow = Awaited<ReturnType<typeof notificationsOf>>[number];

/** The deliveries that belong to these cases. */
export function deliveriesOf(caseIds: string[], deliveries: Delivery[]) {
  const wanted = new Set(caseIds);
  return deliveries.filter((d) => d.caseId !== undefined && wanted.has(d.caseId));
}

/**
 * The rows once every case has its notification `sent` and at least one email, else undefined.
 * A database that is down counts as "not yet".
 */
export async function allDelivered(db: Database, caseIds: string[], deliveries: Delivery[]) {
  const rows = await notificationsOf(db, caseIds).catch(() => undefined);
  if (!rows) return undefined;
  const got = new Set(deliveriesOf(caseIds, deliveries).map((d) => d.caseId));
  const done =
    rows.length === caseIds.length &&
    rows.every((row) => row.state === "sent") &&
    caseIds.every((id) => got.has(id));
  return done ? rows : undefined;
}

/**
 * Per case: the emails received, when the first came, and their Message-IDs; the cases with
 * none or with more.
 */
export function tally(caseIds: string[], deliveries: Delivery[]) {
  const byCase = new Map<string, Delivery[]>(caseIds.map((id) => [id, []]));
  for (const delivery of deliveriesOf(caseIds, deliveries))
    byCase.get(delivery.caseId!)!.push(delivery);
  const perCase = [...byCase].map(([caseId, list]) => ({
    caseId,
    emails: list.length,
    firstAt: Math.min(...list.map((d) => d.at)),
    messageIds: new Set(list.map((d) => d.messageId)),
  }));
  return {
    perCase,
    lost: perCase.filter((c) => c.emails === 0),
    duplicates: perCase.filter((c) => c.emails > 1),
  };
}

/** Exactly one email per notification, none missing, each under the notification's Message-ID. */
export function expectEachDeliveredOnce(
  caseIds: string[],
  rows: NotificationRow[],
  deliveries: Delivery[],
) {
  const { perCase, lost, duplicates } = tally(caseIds, deliveries);
  expect(rows).toHaveLength(caseIds.length);
  expect(
    lost.map((c) => c.caseId),
    "cases without an email",
  ).toEqual([]);
  expect(
    duplicates.map((c) => `${c.caseId} ×${c.emails} ${[...c.messageIds].join(" ")}`),
    "cases emailed more than once",
  ).toEqual([]);
  const rowOf = new Map(rows.map((row) => [row.caseId!, row]));
  for (const c of perCase) {
    expect([...c.messageIds]).toEqual([notificationMessageId(rowOf.get(c.caseId)!.id)]);
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
export const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/**
 * Queues the burst's timers and resolves once `count` of their emails arrived (looking every
 * `everyMs`): the moment to break something. Returns when the burst was queued.
 */
export async function startBurst(
  enqueue: Enqueue,
  burst: { caseIds: string[]; due: { id: string; dueAt: Date }[] },
  deliveries: Delivery[],
  { count = 20, everyMs = 100 } = {},
) {
  const started = Date.now();
  await scheduleTimers(enqueue, burst.due);
  await waitFor(
    () => (deliveriesOf(burst.caseIds, deliveries).length >= count ? true : undefined),
    60_000,
    `the first ${count} emails`,
    everyMs,
  );
  return started;
}
