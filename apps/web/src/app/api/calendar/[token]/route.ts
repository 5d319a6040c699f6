import {
  calendarFeed,
  clockOf,
  getSettings,
  listPendingTimers,
  ownerOfCalendarToken,
} from "@caseward/core";

import { env } from "~/env";
import { db } from "~/server/db";
import { refuse } from "~/server/http";

export const dynamic = "force-dynamic";

/** The user's deadlines as an ICS feed; the secret URL is the only key, and it can be revoked. */
export async function GET(_req: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const userId = await ownerOfCalendarToken(db, token.replace(/\.ics$/, ""));
  if (!userId) return refuse(404, "calendarUnknown");
  const [timers, settings] = await Promise.all([
    listPendingTimers(db, userId),
    getSettings(db, userId),
  ]);
  return new Response(calendarFeed(timers, env.BASE_URL, clockOf(settings)), {
    headers: {
      "content-type": "text/calendar; charset=utf-8",
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
