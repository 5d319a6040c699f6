import type { ChannelToShow } from "@caseward/core/schemas";
import { channelDisplay } from "@caseward/core/schemas";

import { getLocale } from "next-intl/server";

import { requireSession } from "~/server/auth";
import { requestSettings } from "~/server/clock";
import { ChannelLink } from "./channel-link";

/**
 * A channel's value in a Server Component: the phone number written on the server (the
 * browser never loads the phone-number metadata for it), the national way in the user's country.
 */
export async function ServerChannelValue({
  channel,
  className,
}: {
  channel: ChannelToShow;
  className?: string;
}) {
  const session = await requireSession();
  const [{ country }, locale] = await Promise.all([requestSettings(session.user.id), getLocale()]);
  return <ChannelLink shown={channelDisplay(channel, country, locale)} className={className} />;
}
