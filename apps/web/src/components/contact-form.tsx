"use client";

import type { LadderStep } from "@caseward/core/schemas";
import {
  channelKinds,
  contactOutcomes,
  defaultChannelChoice,
  kindChoice,
  logContactInput,
  maxLengthsOf,
  parseChannelChoice,
  updateContactInput,
} from "@caseward/core/schemas";
import type { ChannelKind, ContactDirection, ContactOutcome } from "@caseward/core/schemas";
import {
  Alert,
  Button,
  Checkbox,
  Field,
  fieldAria,
  Input,
  Label,
  NativeSelect,
  Textarea,
} from "@caseward/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";

import { useTranslations } from "~/i18n/translations";
import { FormErrorSummary } from "~/components/form-error-summary";
import type { FieldErrors } from "~/lib/form";
import { errorsFromServer, formValues, useFormErrors, validate } from "~/lib/form";
import { useChannelText } from "~/components/channel-value";
import { useClock } from "~/lib/time";
import { useTRPC } from "~/trpc/react";

export interface LadderChannel extends LadderStep {
  value: string;
  isPreferred: boolean;
}

/** A saved contact, as the form edits it. */
export interface EditableContact {
  id: string;
  channelId: string | null;
  channelKind: ChannelKind;
  direction: ContactDirection;
  startedAt: Date;
  endedAt: Date | null;
  representativeName: string | null;
  representativeId: string | null;
  representativeDeclinedName: boolean;
  referenceNumber: string | null;
  notes: string | null;
  transcript: string | null;
  outcome: ContactOutcome | null;
  promisedFollowUp: string | null;
  followUpDueAt: Date | null;
  recorded: boolean;
}

// The server's limits, read from its schema: a field stops where the server would.
const limits = maxLengthsOf(logContactInput);
const maxLength = {
  name: limits.representativeName,
  representativeId: limits.representativeId,
  reference: limits.referenceNumber,
  notes: limits.notes,
  transcript: limits.transcript,
  promise: limits.promisedFollowUp,
};

/** Fields that live under "More" (the end time, the promise, the transcript). */
const moreFields = ["endedAt", "promisedFollowUp", "followUpDueAt", "transcript"];

/**
 * Logs a past contact on a case, or edits a saved one (`contact`): every field, through the
 * API's own schema, with each message beside its field.
 */
export function ContactForm({
  caseId,
  channels,
  contact,
  onSaved,
}: {
  caseId: string;
  channels: LadderChannel[];
  contact?: EditableContact;
  onSaved?: () => void;
}) {
  const t = useTranslations("ContactForm");
  const words = useTranslations("Vocabulary");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { formRef, errors, error, show, showServerError, clear, recheck } = useFormErrors();
  const [declined, setDeclined] = useState(contact?.representativeDeclinedName ?? false);
  const [recorded, setRecorded] = useState(contact?.recorded ?? false);
  const [channelChoice, setChannelChoice] = useState(() =>
    contact
      ? contact.channelId && channels.some((c) => c.id === contact.channelId)
        ? contact.channelId
        : kindChoice(contact.channelKind)
      : defaultChannelChoice(channels),
  );
  const clock = useClock();
  const channelText = useChannelText();
  const [more, setMore] = useState(
    () =>
      !!contact &&
      !!(
        contact.endedAt ||
        contact.promisedFollowUp ||
        contact.followUpDueAt ||
        contact.transcript
      ),
  );
  const mutationHandlers = {
    onSuccess: async () => {
      // A contact changes the case, its status on the dashboard and the search index.
      await queryClient.invalidateQueries();
    },
    onError: (error: unknown) => {
      const next = errorsFromServer(error);
      if (moreFields.some((field) => next[field])) setMore(true);
      showServerError(error);
    },
  };
  const log = useMutation(trpc.contact.log.mutationOptions(mutationHandlers));
  const update = useMutation(trpc.contact.update.mutationOptions(mutationHandlers));
  const saving = contact ? update : log;
  const chosen = parseChannelChoice(channelChoice, channels).channel;
  const schema = contact ? updateContactInput : logContactInput;

  /** Shows the messages, and takes the user to the first field that has one ("More" opens). */
  function showErrors(next: FieldErrors) {
    if (moreFields.some((field) => next[field])) setMore(true);
    show(next);
  }

  /** The form's values as the API takes them. */
  function valuesOf(form: HTMLFormElement) {
    const { channel, startedAt, endedAt, followUpDueAt, ...rest } = formValues(form);
    const { channelId, channelKind } = parseChannelChoice(channel, channels);
    return {
      ...rest,
      channelId,
      channelKind,
      // datetime-local has no zone: it is read on the user's clock (their settings zone).
      startedAt: clock.fromInput(startedAt ?? ""),
      endedAt: endedAt ? clock.fromInput(endedAt) : undefined,
      followUpDueAt: followUpDueAt ? clock.fromInput(followUpDueAt) : undefined,
      representativeDeclinedName: declined,
      recorded,
      ...(contact ? { contactId: contact.id } : { caseId }),
    };
  }

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const onSuccess = () => {
      if (!contact) {
        form.reset();
        setDeclined(false);
        setRecorded(false);
      }
      onSaved?.();
    };
    if (contact) {
      const result = validate(updateContactInput, valuesOf(form));
      if (!result.ok) return showErrors(result.errors);
      clear();
      update.mutate(result.data, { onSuccess });
    } else {
      const result = validate(logContactInput, valuesOf(form));
      if (!result.ok) return showErrors(result.errors);
      clear();
      log.mutate(result.data, { onSuccess });
    }
  }

  return (
    <form
      ref={formRef}
      onSubmit={onSubmit}
      onChange={(event) => {
        const form = event.currentTarget;
        recheck(schema, () => valuesOf(form));
      }}
      noValidate
      aria-label={contact ? t("editLabel") : t("logLabel")}
      className="space-y-4"
    >
      {!contact && log.isSuccess && <Alert variant="success">{t("saved")}</Alert>}
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        <Field
          label={t("channel")}
          htmlFor="contact-channel"
          error={error("channelKind") ?? error("channelId")}
        >
          <NativeSelect
            id="contact-channel"
            name="channel"
            value={channelChoice}
            onChange={(e) => setChannelChoice(e.target.value)}
            {...fieldAria("contact-channel", error("channelKind") ?? error("channelId"))}
          >
            {channels.length > 0 && (
              <optgroup label={t("ladder")}>
                {channels.map((channel) => (
                  <option key={channel.id} value={channel.id}>
                    {t(
                      channel.status === "suspicious"
                        ? "channelSuspicious"
                        : channel.status === "unverified"
                          ? "channelUnverified"
                          : "channelOption",
                      { kind: words(`channelKind.${channel.kind}`), value: channelText(channel) },
                    )}
                  </option>
                ))}
              </optgroup>
            )}
            <optgroup label={t("otherChannels")}>
              {channelKinds.map((kind) => (
                <option key={kind} value={kindChoice(kind)}>
                  {words(`channelKind.${kind}`)}
                </option>
              ))}
            </optgroup>
          </NativeSelect>
        </Field>
        <Field label={t("direction")} htmlFor="contact-direction">
          <NativeSelect
            id="contact-direction"
            name="direction"
            defaultValue={contact?.direction ?? "outbound"}
          >
            <option value="outbound">{t("outbound")}</option>
            <option value="inbound">{t("inbound")}</option>
          </NativeSelect>
        </Field>
      </div>
      {chosen?.status === "suspicious" && <Alert variant="danger">{t("suspicious")}</Alert>}
      <Field
        label={t("when")}
        htmlFor="contact-started"
        error={error("startedAt")}
        hint={clock.inputZone ?? undefined}
      >
        <Input
          id="contact-started"
          name="startedAt"
          type="datetime-local"
          defaultValue={clock.toInput(contact?.startedAt ?? new Date())}
          {...fieldAria("contact-started", error("startedAt"), clock.inputZone !== null)}
        />
      </Field>
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        <Field
          label={t("representativeName")}
          htmlFor="contact-rep-name"
          error={error("representativeName")}
        >
          <Input
            id="contact-rep-name"
            name="representativeName"
            disabled={declined}
            autoComplete="off"
            maxLength={maxLength.name}
            defaultValue={contact?.representativeName ?? ""}
            {...fieldAria("contact-rep-name", error("representativeName"))}
          />
        </Field>
        <Field
          label={t("representativeId")}
          htmlFor="contact-rep-id"
          error={error("representativeId")}
        >
          <Input
            id="contact-rep-id"
            name="representativeId"
            autoComplete="off"
            maxLength={maxLength.representativeId}
            defaultValue={contact?.representativeId ?? ""}
            {...fieldAria("contact-rep-id", error("representativeId"))}
          />
        </Field>
      </div>
      <div className="flex items-center gap-2">
        <Checkbox
          id="contact-declined"
          checked={declined}
          onChange={(e) => setDeclined(e.target.checked)}
        />
        <Label htmlFor="contact-declined" className="font-normal">
          {t("declinedName")}
        </Label>
      </div>
      <Field
        label={t("referenceNumber")}
        htmlFor="contact-reference"
        error={error("referenceNumber")}
      >
        <Input
          id="contact-reference"
          name="referenceNumber"
          autoComplete="off"
          maxLength={maxLength.reference}
          defaultValue={contact?.referenceNumber ?? ""}
          {...fieldAria("contact-reference", error("referenceNumber"))}
        />
      </Field>
      <Field label={t("outcome")} htmlFor="contact-outcome" error={error("outcome")}>
        <NativeSelect id="contact-outcome" name="outcome" defaultValue={contact?.outcome ?? ""}>
          <option value="">{t("notDecided")}</option>
          {contactOutcomes.map((outcome) => (
            <option key={outcome} value={outcome}>
              {words(`contactOutcome.${outcome}`)}
            </option>
          ))}
        </NativeSelect>
      </Field>
      <Field
        label={t("notes")}
        htmlFor="contact-notes"
        error={error("notes")}
        hint={t("notesHint")}
      >
        <Textarea
          id="contact-notes"
          name="notes"
          rows={4}
          maxLength={maxLength.notes}
          defaultValue={contact?.notes ?? ""}
          {...fieldAria("contact-notes", error("notes"))}
        />
      </Field>
      <details
        open={more}
        onToggle={(e) => setMore(e.currentTarget.open)}
        className="rounded-md border border-border p-3"
      >
        <summary className="cursor-pointer text-sm font-medium">{t("more")}</summary>
        <div className="mt-3 space-y-4">
          <Field
            label={t("ended")}
            htmlFor="contact-ended"
            error={error("endedAt")}
            hint={clock.inputZone ?? undefined}
          >
            <Input
              id="contact-ended"
              name="endedAt"
              type="datetime-local"
              defaultValue={contact?.endedAt ? clock.toInput(contact.endedAt) : ""}
              {...fieldAria("contact-ended", error("endedAt"), clock.inputZone !== null)}
            />
          </Field>
          <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
            <Field label={t("promise")} htmlFor="contact-promise" error={error("promisedFollowUp")}>
              <Input
                id="contact-promise"
                name="promisedFollowUp"
                autoComplete="off"
                maxLength={maxLength.promise}
                defaultValue={contact?.promisedFollowUp ?? ""}
                {...fieldAria("contact-promise", error("promisedFollowUp"))}
              />
            </Field>
            <Field
              label={t("promiseDue")}
              htmlFor="contact-promise-due"
              error={error("followUpDueAt")}
              hint={clock.inputZone ?? undefined}
            >
              <Input
                id="contact-promise-due"
                name="followUpDueAt"
                type="datetime-local"
                defaultValue={contact?.followUpDueAt ? clock.toInput(contact.followUpDueAt) : ""}
                {...fieldAria(
                  "contact-promise-due",
                  error("followUpDueAt"),
                  clock.inputZone !== null,
                )}
              />
            </Field>
          </div>
          <Field
            label={t("transcript")}
            htmlFor="contact-transcript"
            error={error("transcript")}
            hint={t("transcriptHint")}
          >
            <Textarea
              id="contact-transcript"
              name="transcript"
              rows={4}
              maxLength={maxLength.transcript}
              defaultValue={contact?.transcript ?? ""}
              {...fieldAria("contact-transcript", error("transcript"), true)}
            />
          </Field>
          <div className="flex items-center gap-2">
            <Checkbox
              id="contact-recorded"
              checked={recorded}
              onChange={(e) => setRecorded(e.target.checked)}
            />
            <Label htmlFor="contact-recorded" className="font-normal">
              {t("recorded")}
            </Label>
          </div>
        </div>
      </details>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" loading={saving.isPending}>
          {contact ? t("saveChanges") : t("save")}
        </Button>
        <FormErrorSummary errors={errors} />
      </div>
    </form>
  );
}
