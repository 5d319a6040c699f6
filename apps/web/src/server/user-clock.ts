import "server-only";

import { cache } from "react";

import { clockFormat } from "~/lib/clock-format";
import { requireSession } from "./auth";
import { requestClock } from "./clock";

/**
 * The signed-in user's clock for Server Components: the same text `useClock` writes in the
 * browser, with no script sent for it. Once per request.
 */
export const getUserClock = cache(async () => {
  const session = await requireSession();
  return clockFormat(await requestClock(session.user.id));
});

export type ServerClock = Awaited<ReturnType<typeof getUserClock>>;
