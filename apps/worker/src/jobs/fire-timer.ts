import { fireTimer } from "@caseward/core";
import type { JobPayload } from "@caseward/core/jobs";
import { scheduleNotifications } from "@caseward/core/jobs";

import type { JobContext } from "../context";

export async function fireTimerJob(ctx: JobContext, payload: JobPayload<"fire-timer">) {
  const result = await fireTimer(ctx.db, payload.timerId);
  // Committed first, then queued: a crash in between leaves rows the reconciler picks up.
  await scheduleNotifications(ctx.enqueue, result.notifications);
  return { fired: result.fired, notifications: result.notifications.length };
}
