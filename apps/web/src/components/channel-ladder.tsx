"use client";

import type { ChannelKind, ChannelStatus, Provenance } from "@caseward/core/schemas";
import { maxLengthsOf, reportChannelInput } from "@caseward/core/schemas";
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

import { useTranslations } from "~/i18n/translations";
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
  const t = useTranslations("ChannelLadder");
  const kinds = useTranslations("Vocabulary.channelKind");
  const channelText = useChannelText();
  return (channel: LadderChannel) =>
    t("describe", { kind: kinds(channel.kind), value: channelText(channel) });
}

/** A company's channels, least to most direct; drag or use ↑/↓ on a handle to reorder. */
export function ChannelLadder({
  companyId,
  channels: all,
}: {
  companyId: string;
  channels: LadderChannel[];
}) {
  const t = useTranslations("ChannelLadder");
  const vocabulary = useTranslations("Vocabulary");
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
            title={t("editTitle")}
            description={t("editLead", {
              kind: vocabulary(`channelKind.${editing.kind}`),
              value: channelText(editing),
            })}
          >
            <ChannelEditForm
              channel={editing}
              onDone={(saved) => {
                setEditing(null);
                setNotice(
                  saved.status === "suspicious"
                    ? {
                        variant: "warning",
                        title: t("savedSuspicious"),
                        text: saved.statusReason,
                      }
                    : { variant: "success", title: t("saved"), text: null },
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
                title: t("reported"),
                text: t("reportedText"),
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
        <p className="text-sm text-muted-foreground">{t("empty")}</p>
        {dialogs}
      </>
    );
  }
  return (
    <div className="space-y-2">
      {error && <Alert variant="danger">{error}</Alert>}
      {notice && (
        <Alert variant={notice.text ? notice.variant : "success"} title={notice.title}>
          {notice.text}
        </Alert>
      )}
      <SortableList
        aria-label={t("listLabel")}
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
                  aria-label={t("step", { number: index + 1 })}
                >
                  {index + 1}
                </span>
                <span className="font-medium">{vocabulary(`channelKind.${channel.kind}`)}</span>
                <ChannelStatusBadge status={channel.status} />
                {channel.isPreferred && (
                  <Badge variant="info">
                    <Star aria-hidden className="size-3" /> {t("firstChoice")}
                  </Badge>
                )}
              </div>
              <p className="mt-1 text-sm">
                <ChannelValue channel={channel} />
              </p>
              {channel.label && <p className="mt-0.5 text-sm">{channel.label}</p>}
              <p className="mt-1 text-xs text-muted-foreground">
                {vocabulary(`provenanceFound.${channel.provenance}`)}
                {channel.lastVerifiedAt
                  ? t("verifiedAt", { date: clock.dateTime(channel.lastVerifiedAt) })
                  : ""}
              </p>
              {channel.status === "suspicious" && channel.statusReason && (
                <Alert variant="danger" className="mt-2">
                  {t("doNotUse", { reason: channel.statusReason })}
                </Alert>
              )}
            </div>
            <DropdownMenu modal={false}>
              <DropdownMenuTrigger asChild>
                <Button
                  variant="ghost"
                  size="icon"
                  aria-label={t("actionsFor", { channel: describe(channel) })}
                >
                  <Ellipsis aria-hidden className="size-4" />
                </Button>
              </DropdownMenuTrigger>
              <DropdownMenuContent align="end">
                {channel.status !== "suspicious" && !channel.isPreferred && (
                  <DropdownMenuItem onSelect={() => setPreferred.mutate({ channelId: channel.id })}>
                    <Star aria-hidden className="size-4" /> {t("useFirst")}
                  </DropdownMenuItem>
                )}
                {channel.status !== "suspicious" && (
                  <DropdownMenuItem onSelect={() => verify.mutate({ channelId: channel.id })}>
                    <BadgeCheck aria-hidden className="size-4" /> {t("verifiedNow")}
                  </DropdownMenuItem>
                )}
                <DropdownMenuItem onSelect={() => setEditing(channel)}>
                  <Pencil aria-hidden className="size-4" /> {t("edit")}
                </DropdownMenuItem>
                {channel.status !== "suspicious" && (
                  <DropdownMenuItem onSelect={() => setReporting(channel)}>
                    <Flag aria-hidden className="size-4" /> {t("report")}
                  </DropdownMenuItem>
                )}
                <DropdownMenuItem
                  variant="danger"
                  onSelect={() =>
                    deletes.remove({
                      id: channel.id,
                      message: t("deleted", { kind: vocabulary(`channelKind.${channel.kind}`) }),
                      request: trpcDelete(trpc.channel.delete, { channelId: channel.id }),
                      refresh: reload,
                    })
                  }
                >
                  <Trash2 aria-hidden className="size-4" /> {t("delete")}
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
  const t = useTranslations("ChannelLadder");
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
      title={t("report")}
      description={t("reportLead", { channel: describe(channel) })}
    >
      <form
        ref={formRef}
        noValidate
        aria-label={t("report")}
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
        <Field label={t("doubt")} htmlFor={id} error={error("reason")} hint={t("doubtHint")}>
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
            {t("report")}
          </Button>
        </DialogFooter>
      </form>
    </DialogContent>
  );
}
