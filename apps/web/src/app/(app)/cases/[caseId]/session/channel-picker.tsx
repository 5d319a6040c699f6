"use client";

import type { ChannelChoice, LadderStep } from "@caseward/core/schemas";
import {
  channelKindLabels,
  channelKinds,
  isKindChoice,
  kindChoice,
  parseChannelChoice,
} from "@caseward/core/schemas";
import { Alert, NativeSelect } from "@caseward/ui";
import { Star } from "lucide-react";

import { ChannelStatusBadge } from "~/components/badges";
import { ChannelValue } from "~/components/channel-value";

export interface PickableChannel extends LadderStep {
  value: string;
  statusReason: string | null;
  isPreferred: boolean;
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
  const chosen = parseChannelChoice(value, channels).channel;
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium">Channel</legend>
      {channels.length > 0 && (
        <div role="radiogroup" aria-label="The company's channels" className="space-y-1.5">
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
                <span className="font-medium">{channelKindLabels[channel.kind]}</span>{" "}
                <ChannelValue channel={channel} className="text-muted-foreground" plain />
              </span>
              {channel.isPreferred && (
                <Star aria-label="First choice" className="size-4 text-primary" />
              )}
              <ChannelStatusBadge status={channel.status} />
            </label>
          ))}
        </div>
      )}
      {chosen && chosen.status !== "suspicious" && (
        <p className="text-sm">
          <span className="text-muted-foreground">{channelKindLabels[chosen.kind]}: </span>
          <ChannelValue channel={chosen} className="text-base" />
        </p>
      )}
      <label className="flex items-center gap-2 text-sm">
        <span className="shrink-0 text-muted-foreground">Or another way:</span>
        <NativeSelect
          aria-label="Another channel kind"
          value={isKindChoice(value) ? value : ""}
          onChange={(event) => event.target.value && onChange(event.target.value)}
        >
          <option value="">Choose…</option>
          {channelKinds.map((kind) => (
            <option key={kind} value={kindChoice(kind)}>
              {channelKindLabels[kind]}
            </option>
          ))}
        </NativeSelect>
      </label>
      {chosen?.status === "suspicious" && (
        <Alert variant="danger" title="This channel is suspicious">
          {chosen.statusReason} Hang up and use a verified channel instead.
        </Alert>
      )}
      {chosen?.status === "unverified" && (
        <Alert variant="warning" title="Not verified yet">
          Check this number or address against a bill, a statement, the back of your card or the
          official website before you share anything.
        </Alert>
      )}
      {isKindChoice(value) && (
        <Alert variant="warning">
          This channel is not in the company’s ladder, so Caseward could not check it.
        </Alert>
      )}
    </fieldset>
  );
}
