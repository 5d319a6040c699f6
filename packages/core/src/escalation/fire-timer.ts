import type { Database, Executor } from "@caseward/db";
import { and, eq } from "@caseward/db";
import { cases, contacts, notifications, timers } from "@caseward/db/schema";
import type { NotificationKind } from "@caseward/db/vocabulary";

import { dueAfterBusinessDays } from "../calendar";
import { closedStatuses } from "../cases/status";
import { listChannels } from "../channels/channel-service";
import { calendarOf, getSettings } from "../settings/settings-service";
import { suggestNextChannel } from "./next-channel";
import { nextSendTime } from "./quiet-hours";

export interface QueuedNotification {
  id: string;
  sendAfter: Date;
}

async function owe(
  tx: Executor,
  values: {
    ownerId: string;
    caseId: string;
    timerId: string;
    kind: NotificationKind;
    sendAfter: Date;
  },
): Promise<QueuedNotification[]> {
  // The dedupe key makes a second firing (a duplicate job, a retry) add nothing.
  return tx
    .insert(notifications)
    .values({ ...values, dedupeKey: `${values.kind}-${values.timerId}` })
    .onConflictDoNothing({ target: notifications.dedupeKey })
    .returning({ id: notifications.id, sendAfter: notifications.sendAfter });
}

/**
 * Fires one timer if, re-read under a row lock, it is still pending and due: so moved,
 * cancelled and duplicate jobs are harmless. In one transaction: the timer is fired, the case
 * becomes `escalation_due` with the next step of its ladder, and the emails owed are queued.
 */
export async function fireTimer(db: Database, timerId: string, now = new Date()) {
  return db.transaction(async (tx) => {
    const [timer] = await tx.select().from(timers).where(eq(timers.id, timerId)).for("update");
    if (!timer || timer.status !== "pending" || timer.dueAt > now) {
      return { fired: false as const, notifications: [] as QueuedNotification[] };
    }
    await tx.update(timers).set({ status: "fired", firedAt: now }).where(eq(timers.id, timer.id));
    const [found] = await tx.select().from(cases).where(eq(cases.id, timer.caseId)).for("update");
    if (!found || closedStatuses.includes(found.status)) {
      return { fired: true as const, notifications: [] };
    }
    const settings = await getSettings(tx, timer.ownerId);
    const base = { ownerId: timer.ownerId, caseId: found.id, timerId: timer.id };
    const quiet = { start: settings.quietHoursStart, end: settings.quietHoursEnd };
    const queued: QueuedNotification[] = [];

    if (timer.kind === "regulator_eligibility") {
      queued.push(
        ...(await owe(tx, {
          ...base,
          kind: "regulator_eligible",
          sendAfter: nextSendTime(now, quiet, settings.timeZone),
        })),
      );
      return { fired: true as const, notifications: queued };
    }

    let suggestedChannelId: string | null = found.suggestedChannelId;
    if (timer.kind === "response_window") {
      const [last] = timer.contactId
        ? await tx
            .select({ channelId: contacts.channelId, kind: contacts.channelKind })
            .from(contacts)
            .where(and(eq(contacts.id, timer.contactId), eq(contacts.ownerId, timer.ownerId)))
        : [];
      const ladder = await listChannels(tx, timer.ownerId, found.companyId);
      const step = suggestNextChannel(ladder, {
        channelId: last?.channelId ?? null,
        kind: last?.kind ?? "web_form",
      });
      suggestedChannelId = step.kind === "channel" ? step.channel.id : null;
    }
    await tx
      .update(cases)
      .set({ status: "escalation_due", suggestedChannelId })
      .where(eq(cases.id, found.id));

    const kind: NotificationKind = timer.kind === "response_window" ? "escalation" : "promise_due";
    if (settings.emailEscalations) {
      queued.push(
        ...(await owe(tx, {
          ...base,
          kind,
          sendAfter: nextSendTime(now, quiet, settings.timeZone),
        })),
      );
    }
    if (timer.kind === "response_window" && settings.emailReminders) {
      // One reminder if the user does nothing for one more business day (cancelled when they act).
      const later = dueAfterBusinessDays(now, 1, calendarOf(settings));
      queued.push(
        ...(await owe(tx, {
          ...base,
          kind: "escalation_reminder",
          sendAfter: nextSendTime(later, quiet, settings.timeZone),
        })),
      );
    }
    return { fired: true as const, notifications: queued };
  });
}
