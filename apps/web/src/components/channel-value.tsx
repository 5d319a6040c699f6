"use client";

import type { ChannelToShow } from "@caseward/core/schemas";
import { channelDisplay, channelText } from "@caseward/core/schemas";
import { cn } from "@caseward/ui";
import { useLocale } from "next-intl";

import { useUserCountry } from "~/lib/user-country";

/**
 * A channel's value wherever it is shown: a phone number as people write it and a `tel:` link,
 * a verified email address a `mailto:` link, a web page opened in a new tab. A suspicious
 * channel is plain text, never one tap away.
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
  const shown = channelDisplay(channel, useUserCountry(), useLocale());
  const style = cn("font-mono wrap-anywhere", className);
  if (!shown.href || plain) return <span className={style}>{shown.text}</span>;
  return (
    <a
      href={shown.href}
      className={cn(style, "text-primary underline underline-offset-2 hover:no-underline")}
      {...(shown.newTab ? { target: "_blank", rel: "noopener noreferrer" } : {})}
    >
      {shown.text}
      {shown.newTab && <span className="sr-only"> (opens in a new tab)</span>}
    </a>
  );
}

/** A channel's value as text (an `<option>`'s): a phone number as people write it. */
export function useChannelText() {
  const [country, locale] = [useUserCountry(), useLocale()];
  return (channel: Pick<ChannelToShow, "kind" | "value">) => channelText(channel, country, locale);
}
