"use client";

import type { ChannelKind, ChannelStatus, Provenance } from "@caseward/core/schemas";
import { channelKindLabels, provenanceLabels } from "@caseward/core/schemas";
import {
  Alert,
  Badge,
  Button,
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuTrigger,
  SortableList,
} from "@caseward/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { BadgeCheck, Ellipsis, Flag, Star, Trash2 } from "lucide-react";
import { useState } from "react";

import { ChannelStatusBadge } from "~/components/badges";
import { serverMessage } from "~/lib/form";
import { useClock } from "~/lib/time";
import { useTRPC } from "~/trpc/react";

export interface LadderChannel {
  id: string;
  kind: ChannelKind;
  value: string;
  status: ChannelStatus;
  statusReason: string | null;
  provenance: Provenance;
  lastVerifiedAt: Date | null;
  isPreferred: boolean;
}

/** A company's channels, least to most direct; drag or use ↑/↓ on a handle to reorder. */
export function ChannelLadder({
  companyId,
  channels,
}: {
  companyId: string;
  channels: LadderChannel[];
}) {
  const clock = useClock();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const options = {
    onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.company.pathKey() }),
    onError: (e: unknown) => setError(serverMessage(e)),
    onMutate: () => setError(null),
  };
  const reorder = useMutation(trpc.channel.reorder.mutationOptions(options));
  const setPreferred = useMutation(trpc.channel.setPreferred.mutationOptions(options));
  const verify = useMutation(trpc.channel.verify.mutationOptions(options));
  const report = useMutation(trpc.channel.report.mutationOptions(options));
  const remove = useMutation(trpc.channel.delete.mutationOptions(options));

  if (channels.length === 0) {
    return (
      <p className="text-sm text-muted-foreground">
        No channels yet. Add the ones you found, and say where you found them: a bill, a statement,
        the back of your card.
      </p>
    );
  }
  return (
    <div className="space-y-2">
      {error && <Alert variant="danger">{error}</Alert>}
      <SortableList
        aria-label="Channels"
        className="space-y-2"
        items={channels}
        getId={(channel) => channel.id}
        getLabel={(channel) => `${channelKindLabels[channel.kind]} ${channel.value}`}
        onReorder={(channelIds) => reorder.mutate({ companyId, channelIds })}
        renderItem={(channel, index, handle) => (
          <div className="flex gap-2 rounded-lg border border-border bg-card p-3">
            {handle}
            <div className="min-w-0 flex-1">
              <div className="flex flex-wrap items-center gap-2">
                <span
                  className="flex size-6 items-center justify-center rounded-full bg-muted text-xs font-medium"
                  aria-label={`Step ${index + 1}`}
                >
                  {index + 1}
                </span>
                <span className="font-medium">{channelKindLabels[channel.kind]}</span>
                <ChannelStatusBadge status={channel.status} />
                {channel.isPreferred && (
                  <Badge variant="info">
                    <Star aria-hidden className="size-3" /> First choice
                  </Badge>
                )}
              </div>
              <p className="mt-1 font-mono text-sm break-all">{channel.value}</p>
              <p className="mt-1 text-xs text-muted-foreground">
                Found on: {provenanceLabels[channel.provenance]}
                {channel.lastVerifiedAt
                  ? ` · verified ${clock.dateTime(channel.lastVerifiedAt)}`
                  : ""}
              </p>
              {channel.status === "suspicious" && channel.statusReason && (
                <Alert variant="danger" className="mt-2">
                  {channel.statusReason} Do not use it.
                </Alert>
              )}
            </div>
            <DropdownMenu>
              <DropdownMenuTrigger asChild>
                <Button
                  variant="ghost"
                  size="icon"
                  aria-label={`Actions for ${channelKindLabels[channel.kind]} ${channel.value}`}
                >
                  <Ellipsis aria-hidden className="size-4" />
                </Button>
              </DropdownMenuTrigger>
              <DropdownMenuContent align="end">
                {channel.status !== "suspicious" && !channel.isPreferred && (
                  <DropdownMenuItem onSelect={() => setPreferred.mutate({ channelId: channel.id })}>
                    <Star aria-hidden className="size-4" /> Use first
                  </DropdownMenuItem>
                )}
                {channel.status !== "suspicious" && (
                  <DropdownMenuItem onSelect={() => verify.mutate({ channelId: channel.id })}>
                    <BadgeCheck aria-hidden className="size-4" /> I verified it just now
                  </DropdownMenuItem>
                )}
                {channel.status !== "suspicious" && (
                  <DropdownMenuItem
                    onSelect={() => {
                      const reason = window.prompt("What made you doubt this channel?");
                      if (reason) report.mutate({ channelId: channel.id, reason });
                    }}
                  >
                    <Flag aria-hidden className="size-4" /> Report as suspicious
                  </DropdownMenuItem>
                )}
                <DropdownMenuItem
                  variant="danger"
                  onSelect={() => remove.mutate({ channelId: channel.id })}
                >
                  <Trash2 aria-hidden className="size-4" /> Delete
                </DropdownMenuItem>
              </DropdownMenuContent>
            </DropdownMenu>
          </div>
        )}
      />
    </div>
  );
}
