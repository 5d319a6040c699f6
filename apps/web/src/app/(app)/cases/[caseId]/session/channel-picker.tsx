"use client";

import type { ChannelChoice, channelDisplay, LadderStep } from "@caseward/core/schemas";
import { channelKinds, isKindChoice, kindChoice, parseChannelChoice } from "@caseward/core/schemas";
import { Alert, NativeSelect } from "@caseward/ui";
import { Star } from "lucide-react";

import { useTranslations } from "~/i18n/translations";
import { ChannelStatusBadge } from "~/components/badges";
import { ChannelLink } from "~/components/channel-link";

export interface PickableChannel extends LadderStep {
  value: string;
  statusReason: string | null;
  isPreferred: boolean;
  /** Its value as shown, written on the server (the browser loads no phone-number metadata). */
  shown: ReturnType<typeof channelDisplay>;
}

/** Pick the channel from the company's ladder, warned about unverified and suspicious ones. */
export function ChannelPicker({
  channels,
  value,
  onChange,
}: {
  channels: PickableChannel[];
  value: ChannelChoice;
  onChange: (value: ChannelChoice) => void;
}) {
  const t = useTranslations("ContactSession");
  const words = useTranslations("Vocabulary");
  const chosen = parseChannelChoice(value, channels).channel;
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium">{t("channel")}</legend>
      {channels.length > 0 && (
        <div role="radiogroup" aria-label={t("companyChannels")} className="space-y-1.5">
          {channels.map((channel) => (
            <label
              key={channel.id}
              className="flex cursor-pointer items-center gap-3 rounded-md border border-border p-2 text-sm has-checked:border-primary has-checked:bg-primary/5"
            >
              <input
                type="radio"
                name="channel"
                value={channel.id}
                checked={value === channel.id}
                onChange={() => onChange(channel.id)}
                className="size-4 accent-[var(--color-primary)]"
              />
              <span className="min-w-0 flex-1">
                <span className="font-medium">{words(`channelKind.${channel.kind}`)}</span>{" "}
                <ChannelLink shown={channel.shown} className="text-muted-foreground" plain />
              </span>
              {channel.isPreferred && (
                <Star aria-label={t("firstChoice")} className="size-4 text-primary" />
              )}
              <ChannelStatusBadge status={channel.status} />
            </label>
          ))}
        </div>
      )}
      {chosen && chosen.status !== "suspicious" && (
        <p className="text-sm">
          <span className="text-muted-foreground">
            {t("chosenKind", { kind: words(`channelKind.${chosen.kind}`) })}{" "}
          </span>
          <ChannelLink shown={chosen.shown} className="text-base" />
        </p>
      )}
      <label className="flex items-center gap-2 text-sm">
        <span className="shrink-0 text-muted-foreground">{t("otherWay")}</span>
        {/* min-w-0: the longest kind ("Organisme de réglementation / ombudsman") must not widen
            the row past a phone's width. */}
        <NativeSelect
          wrapperClassName="min-w-0"
          aria-label={t("otherKind")}
          value={isKindChoice(value) ? value : ""}
          onChange={(event) => event.target.value && onChange(event.target.value)}
        >
          <option value="">{t("choose")}</option>
          {channelKinds.map((kind) => (
            <option key={kind} value={kindChoice(kind)}>
              {words(`channelKind.${kind}`)}
            </option>
          ))}
        </NativeSelect>
      </label>
      {chosen?.status === "suspicious" && (
        <Alert variant="danger" title={t("suspiciousTitle")}>
          {chosen.statusReason} {t("suspiciousAdvice")}
        </Alert>
      )}
      {chosen?.status === "unverified" && (
        <Alert variant="warning" title={t("unverifiedTitle")}>
          {t("unverifiedText")}
        </Alert>
      )}
      {isKindChoice(value) && <Alert variant="warning">{t("notInLadder")}</Alert>}
    </fieldset>
  );
}
