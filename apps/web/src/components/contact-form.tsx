"use client";

import type { LadderStep } from "@caseward/core/schemas";
import {
  channelKindLabels,
  channelKinds,
  contactOutcomeLabels,
  contactOutcomes,
  defaultChannelChoice,
  kindChoice,
  logContactInput,
  parseChannelChoice,
} from "@caseward/core/schemas";
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

import type { FieldErrors } from "~/lib/form";
import { errorsFromServer, firstError, formValues, validate } from "~/lib/form";
import { useClock } from "~/lib/time";
import { useTRPC } from "~/trpc/react";
import { VocabularyOptions } from "~/components/vocabulary-options";

interface LadderChannel extends LadderStep {
  value: string;
  isPreferred: boolean;
}

export function ContactForm({
  caseId,
  channels,
  onSaved,
}: {
  caseId: string;
  channels: LadderChannel[];
  onSaved?: () => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [declined, setDeclined] = useState(false);
  const [channelChoice, setChannelChoice] = useState(() => defaultChannelChoice(channels));
  const clock = useClock();
  const log = useMutation(
    trpc.contact.log.mutationOptions({
      onSuccess: async () => {
        // A contact changes the case, its status on the dashboard and the search index.
        await queryClient.invalidateQueries();
      },
      onError: (error) => setErrors(errorsFromServer(error)),
    }),
  );
  const chosen = parseChannelChoice(channelChoice, channels).channel;

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const { channel, startedAt, ...rest } = formValues(form);
    const { channelId, channelKind } = parseChannelChoice(channel, channels);
    const values = {
      ...rest,
      caseId,
      channelId,
      channelKind,
      // datetime-local has no zone: it is read on the user's clock (their settings zone).
      startedAt: clock.fromInput(startedAt ?? ""),
      representativeDeclinedName: declined,
    };
    const result = validate(logContactInput, values);
    if (!result.ok) return setErrors(result.errors);
    setErrors({});
    log.mutate(result.data, {
      onSuccess: () => {
        form.reset();
        setDeclined(false);
        onSaved?.();
      },
    });
  }

  const error = (field: string) => firstError(errors, field);
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Log a contact" className="space-y-4">
      {errors._form && <Alert variant="danger">{errors._form[0]}</Alert>}
      {log.isSuccess && <Alert variant="success">Contact saved to the timeline.</Alert>}
      <div className="grid gap-3 sm:grid-cols-2">
        <Field
          label="Channel"
          htmlFor="contact-channel"
          error={error("channelKind") ?? error("channelId")}
        >
          <NativeSelect
            id="contact-channel"
            name="channel"
            value={channelChoice}
            onChange={(e) => setChannelChoice(e.target.value)}
          >
            {channels.length > 0 && (
              <optgroup label="This company's ladder">
                {channels.map((channel) => (
                  <option key={channel.id} value={channel.id}>
                    {channelKindLabels[channel.kind]}: {channel.value}
                    {channel.status === "suspicious"
                      ? " (suspicious!)"
                      : channel.status === "unverified"
                        ? " (not verified)"
                        : ""}
                  </option>
                ))}
              </optgroup>
            )}
            <optgroup label="Other">
              {channelKinds.map((kind) => (
                <option key={kind} value={kindChoice(kind)}>
                  {channelKindLabels[kind]}
                </option>
              ))}
            </optgroup>
          </NativeSelect>
        </Field>
        <Field label="Direction" htmlFor="contact-direction">
          <NativeSelect id="contact-direction" name="direction" defaultValue="outbound">
            <option value="outbound">I contacted them</option>
            <option value="inbound">They contacted me</option>
          </NativeSelect>
        </Field>
      </div>
      {chosen?.status === "suspicious" && (
        <Alert variant="danger">
          This channel is marked suspicious. Reach the company on a verified channel instead.
        </Alert>
      )}
      <Field
        label="When"
        htmlFor="contact-started"
        error={error("startedAt")}
        hint={clock.inputZone ?? undefined}
      >
        <Input
          id="contact-started"
          name="startedAt"
          type="datetime-local"
          defaultValue={clock.toInput(new Date())}
          {...fieldAria("contact-started", error("startedAt"), clock.inputZone !== null)}
        />
      </Field>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field
          label="Representative's name"
          htmlFor="contact-rep-name"
          error={error("representativeName")}
        >
          <Input
            id="contact-rep-name"
            name="representativeName"
            disabled={declined}
            autoComplete="off"
            {...fieldAria("contact-rep-name", error("representativeName"))}
          />
        </Field>
        <Field
          label="Representative's id"
          htmlFor="contact-rep-id"
          error={error("representativeId")}
        >
          <Input
            id="contact-rep-id"
            name="representativeId"
            autoComplete="off"
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
          They would not give a name
        </Label>
      </div>
      <Field
        label="Reference or ticket number"
        htmlFor="contact-reference"
        error={error("referenceNumber")}
      >
        <Input
          id="contact-reference"
          name="referenceNumber"
          autoComplete="off"
          {...fieldAria("contact-reference", error("referenceNumber"))}
        />
      </Field>
      <Field label="Outcome" htmlFor="contact-outcome" error={error("outcome")}>
        <NativeSelect id="contact-outcome" name="outcome" defaultValue="">
          <option value="">Not decided yet</option>
          <VocabularyOptions values={contactOutcomes} labels={contactOutcomeLabels} />
        </NativeSelect>
      </Field>
      <Field
        label="Notes"
        htmlFor="contact-notes"
        error={error("notes")}
        hint="What was said and promised. Never write a full card number or password here."
      >
        <Textarea
          id="contact-notes"
          name="notes"
          rows={4}
          {...fieldAria("contact-notes", error("notes"))}
        />
      </Field>
      <Button type="submit" loading={log.isPending}>
        Save contact
      </Button>
    </form>
  );
}
