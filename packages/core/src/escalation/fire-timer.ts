import type { Database, Executor } from "@caseward/db";
import { and, asc, eq, getTableColumns } from "@caseward/db";
import {
  cases,
  channels,
  contacts,
  notifications,
  timers,
  userSettings,
} from "@caseward/db/schema";
import type { NotificationKind } from "@caseward/db/vocabulary";

import { dueAfterBusinessDays } from "../calendar";
import { closedStatuses } from "../cases/status";
import type { Settings } from "../settings/settings-service";
import { calendarOf, defaultSettings } from "../settings/settings-service";
import { suggestNextChannel } from "./next-channel";
import { nextSendTime } from "./quiet-hours";

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

/** The timer, its case (both locked), the user's settings and the contact that started it. */
function lockTimer(tx: Executor, timerId: string) {
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
    )
    .where(eq(timers.id, timerId))
    .for("update", { of: [timers, cases] });
}

/** The ladder of the timer's company, in order (read beside `lockTimer`, in the same trip). */
function ladderOfTimer(tx: Executor, timerId: string) {
  return tx
    .select(getTableColumns(channels))
    .from(channels)
    .innerJoin(
      cases,
      and(eq(cases.companyId, channels.companyId), eq(cases.ownerId, channels.ownerId)),
    )
    .innerJoin(timers, and(eq(timers.caseId, cases.id), eq(timers.ownerId, cases.ownerId)))
    .where(eq(timers.id, timerId))
    .orderBy(asc(channels.position), asc(channels.createdAt));
}

/**
 * Fires one timer if, re-read under a row lock, it is still pending and due: so moved,
 * cancelled and duplicate jobs are harmless. In one transaction: the timer is fired, the case
 * becomes `escalation_due` with the next step of its ladder, and the emails owed are queued.
 * Three round trips: the reads go together (pipelined on the transaction's connection), then
 * the writes together, then the commit.
 */
export async function fireTimer(db: Database, timerId: string, now = new Date()) {
  return db.transaction(async (tx) => {
    const [[found], ladder] = await Promise.all([
      lockTimer(tx, timerId),
      ladderOfTimer(tx, timerId),
    ]);
    if (!found || found.timer.status !== "pending" || found.timer.dueAt > now) {
      return { fired: false as const, notifications: [] as QueuedNotification[] };
    }
    const { timer, case: owner } = found;
    const fire = tx
      .update(timers)
      .set({ status: "fired", firedAt: now })
      .where(eq(timers.id, timer.id));
    if (closedStatuses.includes(owner.status)) {
      await fire;
      return { fired: true as const, notifications: [] };
    }
    const settings: Settings = found.settings ?? { ...defaultSettings, calendarToken: null };
    const base = { ownerId: timer.ownerId, caseId: owner.id, timerId: timer.id };
    const quiet = { start: settings.quietHoursStart, end: settings.quietHoursEnd };
    const owed: OwedNotification[] = [];

    if (timer.kind === "regulator_eligibility") {
      owed.push({
        ...base,
        kind: "regulator_eligible",
        sendAfter: nextSendTime(now, quiet, settings.timeZone),
      });
      const [, queued] = await Promise.all([fire, owe(tx, owed)]);
      return { fired: true as const, notifications: queued };
    }

    let suggestedChannelId: string | null = owner.suggestedChannelId;
    if (timer.kind === "response_window") {
      const step = suggestNextChannel(ladder, {
        channelId: found.last?.channelId ?? null,
        kind: found.last?.kind ?? "web_form",
      });
      suggestedChannelId = step.kind === "channel" ? step.channel.id : null;
    }
    const escalate = tx
      .update(cases)
      .set({ status: "escalation_due", suggestedChannelId })
      .where(eq(cases.id, owner.id));

    const kind: NotificationKind = timer.kind === "response_window" ? "escalation" : "promise_due";
    if (settings.emailEscalations) {
      owed.push({ ...base, kind, sendAfter: nextSendTime(now, quiet, settings.timeZone) });
    }
    if (timer.kind === "response_window" && settings.emailReminders) {
      // One reminder if the user does nothing for one more business day (cancelled when they act).
      const later = dueAfterBusinessDays(now, 1, calendarOf(settings));
      owed.push({
        ...base,
        kind: "escalation_reminder",
        sendAfter: nextSendTime(later, quiet, settings.timeZone),
      });
    }
    const [, , queued] = await Promise.all([fire, escalate, owe(tx, owed)]);
    return { fired: true as const, notifications: queued };
  });
}
