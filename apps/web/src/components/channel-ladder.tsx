"use client";

import type { ChannelKind, ChannelStatus, Provenance } from "@caseward/core/schemas";
import {
  channelKindLabels,
  maxLengthsOf,
  provenanceFoundLabels,
  reportChannelInput,
} from "@caseward/core/schemas";
import {
  Alert,
  Badge,
  Button,
  Dialog,
  DialogContent,
  DialogFooter,
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuTrigger,
  Field,
  fieldAria,
  SortableList,
  Textarea,
} from "@caseward/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { BadgeCheck, Ellipsis, Flag, Pencil, Star, Trash2 } from "lucide-react";
import { useState } from "react";

import { ChannelStatusBadge } from "~/components/badges";
import { ChannelEditForm } from "~/components/channel-form";
import { ChannelValue, useChannelText } from "~/components/channel-value";
import { trpcDelete, useDeleteWithUndo } from "~/lib/delete-with-undo";
import { FormErrorSummary } from "~/components/form-error-summary";
import { serverMessage, useFormErrors, validate } from "~/lib/form";
import { useClock } from "~/lib/time";
import { useTRPC } from "~/trpc/react";

export interface LadderChannel {
  id: string;
  kind: ChannelKind;
  value: string;
  label: string | null;
  status: ChannelStatus;
  statusReason: string | null;
  provenance: Provenance;
  lastVerifiedAt: Date | null;
  isPreferred: boolean;
}

/** "Phone 1-888-764-3771": a channel named as the page shows it. */
function useDescribe() {
  const channelText = useChannelText();
  return (channel: LadderChannel) => `${channelKindLabels[channel.kind]} ${channelText(channel)}`;
}

/** A company's channels, least to most direct; drag or use ↑/↓ on a handle to reorder. */
export function ChannelLadder({
  companyId,
  channels: all,
}: {
  companyId: string;
  channels: LadderChannel[];
}) {
  const clock = useClock();
  const describe = useDescribe();
  const channelText = useChannelText();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<{
    variant: "success" | "warning";
    title: string;
    text: string | null;
  } | null>(null);
  const [editing, setEditing] = useState<LadderChannel | null>(null);
  const [reporting, setReporting] = useState<LadderChannel | null>(null);
  const reload = () => queryClient.invalidateQueries({ queryKey: trpc.company.pathKey() });
  const options = {
    onSuccess: reload,
    onError: (e: unknown) => setError(serverMessage(e)),
    onMutate: () => {
      setError(null);
      setNotice(null);
    },
  };
  const reorder = useMutation(trpc.channel.reorder.mutationOptions(options));
  const setPreferred = useMutation(trpc.channel.setPreferred.mutationOptions(options));
  const verify = useMutation(trpc.channel.verify.mutationOptions(options));
  const deletes = useDeleteWithUndo();
  const channels = all.filter((channel) => !deletes.isPending(channel.id));

  const dialogs = (
    <>
      <Dialog open={editing !== null} onOpenChange={(open) => !open && setEditing(null)}>
        {editing && (
          <DialogContent
            title="Edit the channel"
            description={`${channelKindLabels[editing.kind]}: ${channelText(editing)}`}
          >
            <ChannelEditForm
              channel={editing}
              onDone={(saved) => {
                setEditing(null);
                setNotice(
                  saved.status === "suspicious"
                    ? {
                        variant: "warning",
                        title: "Saved, but marked suspicious",
                        text: saved.statusReason,
                      }
                    : { variant: "success", title: "Channel saved.", text: null },
                );
              }}
            />
          </DialogContent>
        )}
      </Dialog>
      <Dialog open={reporting !== null} onOpenChange={(open) => !open && setReporting(null)}>
        {reporting && (
          <ReportChannelDialog
            channel={reporting}
            onDone={() => {
              setReporting(null);
              setNotice({
                variant: "warning",
                title: "Reported as suspicious.",
                text: "Caseward will never suggest it. Use a channel printed on a bill, a statement or your card.",
              });
            }}
          />
        )}
      </Dialog>
    </>
  );

  if (channels.length === 0) {
    return (
      <>
        <p className="text-sm text-muted-foreground">
          No channels yet. Add the ones you found, and say where you found them: a bill, a
          statement, the back of your card.
        </p>
        {dialogs}
      </>
    );
  }
  return (
    <div className="space-y-2">
      {error && <Alert variant="danger">{error}</Alert>}
      {notice && (
        <Alert
          variant={notice.text && notice.title.includes("suspicious") ? "warning" : "success"}
          title={notice.title}
        >
          {notice.text}
        </Alert>
      )}
      <SortableList
        aria-label="Channels"
        className="space-y-2"
        items={channels}
        getId={(channel) => channel.id}
        getLabel={describe}
        onReorder={(channelIds) =>
          reorder.mutate({
            companyId,
            // Every channel once: those waiting to be deleted keep the end.
            channelIds: [
              ...channelIds,
              ...all.filter((c) => deletes.isPending(c.id)).map((c) => c.id),
            ],
          })
        }
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
              <p className="mt-1 text-sm">
                <ChannelValue channel={channel} />
              </p>
              {channel.label && <p className="mt-0.5 text-sm">{channel.label}</p>}
              <p className="mt-1 text-xs text-muted-foreground">
                {provenanceFoundLabels[channel.provenance]}
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
            <DropdownMenu modal={false}>
              <DropdownMenuTrigger asChild>
                <Button variant="ghost" size="icon" aria-label={`Actions for ${describe(channel)}`}>
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
                <DropdownMenuItem onSelect={() => setEditing(channel)}>
                  <Pencil aria-hidden className="size-4" /> Edit
                </DropdownMenuItem>
                {channel.status !== "suspicious" && (
                  <DropdownMenuItem onSelect={() => setReporting(channel)}>
                    <Flag aria-hidden className="size-4" /> Report as suspicious
                  </DropdownMenuItem>
                )}
                <DropdownMenuItem
                  variant="danger"
                  onSelect={() =>
                    deletes.remove({
                      id: channel.id,
                      message: `${channelKindLabels[channel.kind]} channel deleted.`,
                      request: trpcDelete(trpc.channel.delete, { channelId: channel.id }),
                      refresh: reload,
                    })
                  }
                >
                  <Trash2 aria-hidden className="size-4" /> Delete
                </DropdownMenuItem>
              </DropdownMenuContent>
            </DropdownMenu>
          </div>
        )}
      />
      {dialogs}
    </div>
  );
}

const reportLimits = maxLengthsOf(reportChannelInput);

/** "Report as suspicious": what made the user doubt it, kept with the channel. */
function ReportChannelDialog({ channel, onDone }: { channel: LadderChannel; onDone: () => void }) {
  const describe = useDescribe();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { formRef, errors, error, show, showServerError, recheck } = useFormErrors();
  const report = useMutation(
    trpc.channel.report.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.company.pathKey() });
        onDone();
      },
      onError: showServerError,
    }),
  );
  const id = `report-${channel.id}`;
  const values = (form: HTMLFormElement) => ({
    channelId: channel.id,
    reason: new FormData(form).get("reason"),
  });
  return (
    <DialogContent
      title="Report as suspicious"
      description={`${describe(channel)} will be marked suspicious: Caseward never suggests it again, and it stays on the ladder as a warning.`}
    >
      <form
        ref={formRef}
        noValidate
        aria-label="Report as suspicious"
        className="space-y-4"
        onChange={(event) => {
          const form = event.currentTarget;
          recheck(reportChannelInput, () => values(form));
        }}
        onSubmit={(event) => {
          event.preventDefault();
          const result = validate(reportChannelInput, values(event.currentTarget));
          if (!result.ok) return show(result.errors);
          show({});
          report.mutate(result.data);
        }}
      >
        <Field
          label="What made you doubt it?"
          htmlFor={id}
          error={error("reason")}
          hint="For example: “A caller from this number asked for my PIN.”"
        >
          <Textarea
            id={id}
            name="reason"
            rows={3}
            maxLength={reportLimits.reason}
            autoFocus
            {...fieldAria(id, error("reason"), true)}
          />
        </Field>
        <DialogFooter className="sm:items-center">
          <FormErrorSummary errors={errors} className="sm:mr-auto" />
          <Button type="submit" variant="danger" loading={report.isPending}>
            Report as suspicious
          </Button>
        </DialogFooter>
      </form>
    </DialogContent>
  );
}
