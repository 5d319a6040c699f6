"use client";

import type { ChannelToShow } from "@caseward/core/schemas";
import { channelDisplay, channelText } from "@caseward/core/schemas";
import { useLocale } from "next-intl";

import { useUserCountry } from "~/lib/user-country";
import { ChannelLink } from "./channel-link";

/**
 * A channel's value wherever it is shown: a phone number as people write it and a `tel:` link,
 * a verified email address a `mailto:` link, a web page opened in a new tab. A suspicious
 * channel is plain text, never one tap away. (Server Components use channel-value-server.tsx.)
 */
export function ChannelValue({
  channel,
  className,
  plain = false,
}: {
  channel: ChannelToShow;
  className?: string;
  /** Text only, inside something that is already a control (a radio's label). */
  plain?: boolean;
}) {
  return (
    <ChannelLink
      shown={channelDisplay(channel, useUserCountry(), useLocale())}
      className={className}
      plain={plain}
    />
  );
}

/** A channel's value as text (an `<option>`'s): a phone number as people write it. */
export function useChannelText() {
  const [country, locale] = [useUserCountry(), useLocale()];
  return (channel: Pick<ChannelToShow, "kind" | "value">) => channelText(channel, country, locale);
}
