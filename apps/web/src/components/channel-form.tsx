"use client";

import type { ChannelKind, Provenance } from "@caseward/core/schemas";
import {
  channelInput,
  channelKinds,
  maxLengthsOf,
  provenances,
  updateChannelInput,
} from "@caseward/core/schemas";
import {
  Alert,
  Button,
  Checkbox,
  DialogFooter,
  Field,
  fieldAria,
  Input,
  Label,
  NativeSelect,
} from "@caseward/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";

import { useTranslations } from "~/i18n/translations";
import { VocabularyOptions } from "~/components/vocabulary-options";
import type { FieldErrors } from "~/lib/form";
import { FormErrorSummary } from "~/components/form-error-summary";
import { firstError, formValues, useFormErrors, validate } from "~/lib/form";
import { useTRPC } from "~/trpc/react";

/** Value, label, where it was found, and "I checked it": the same fields to add and to edit. */
// The server's limits, read from its schema.
const channelLimits = maxLengthsOf(channelInput);

function ChannelFields({
  idPrefix,
  errors,
  kind,
  defaults,
}: {
  idPrefix: string;
  errors: FieldErrors;
  /** Editing: the kind is fixed (it sets the channel's place on the ladder). */
  kind?: ChannelKind;
  defaults?: { value: string; label: string | null; provenance: Provenance };
}) {
  const t = useTranslations("ChannelLadder.form");
  const vocabulary = useTranslations("Vocabulary");
  const id = (field: string) => `${idPrefix}-${field}`;
  const error = (field: string) => firstError(errors, field);
  return (
    <>
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        {kind === undefined && (
          <Field label={t("kind")} htmlFor={id("kind")} error={error("kind")}>
            <NativeSelect id={id("kind")} name="kind" defaultValue="phone">
              <VocabularyOptions values={channelKinds} vocabulary="channelKind" />
            </NativeSelect>
          </Field>
        )}
        <Field
          label={t("whereFound")}
          htmlFor={id("provenance")}
          error={error("provenance")}
          className={kind === undefined ? undefined : "sm:col-span-2"}
        >
          <NativeSelect
            id={id("provenance")}
            name="provenance"
            defaultValue={defaults?.provenance ?? "official_website"}
          >
            <VocabularyOptions values={provenances} vocabulary="provenance" />
          </NativeSelect>
        </Field>
      </div>
      <Field
        label={kind ? t("valueOfKind", { kind: vocabulary(`channelKind.${kind}`) }) : t("value")}
        htmlFor={id("value")}
        error={error("value")}
        hint={defaults ? t("valueHintEdit") : undefined}
      >
        <Input
          id={id("value")}
          name="value"
          maxLength={channelLimits.value}
          autoComplete="off"
          defaultValue={defaults?.value}
          placeholder={t("valuePlaceholder")}
          {...fieldAria(id("value"), error("value"), defaults !== undefined)}
        />
      </Field>
      <Field label={t("label")} htmlFor={id("label")} error={error("label")} hint={t("labelHint")}>
        <Input
          id={id("label")}
          name="label"
          maxLength={channelLimits.label}
          autoComplete="off"
          defaultValue={defaults?.label ?? ""}
          {...fieldAria(id("label"), error("label"), true)}
        />
      </Field>
      <div className="flex items-start gap-2">
        <Checkbox id={id("verified")} name="verified" className="mt-0.5" />
        <Label htmlFor={id("verified")} className="font-normal">
          {t("checked")}
        </Label>
      </div>
    </>
  );
}

/** The form's values as the schemas want them: the checkbox as a boolean, "" as no label. */
function channelValues(form: HTMLFormElement) {
  return {
    ...formValues(form),
    label: formValues(form).label ?? "",
    verified: new FormData(form).get("verified") === "on",
  };
}

export function ChannelForm({ companyId }: { companyId: string }) {
  const t = useTranslations("ChannelLadder.form");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const idPrefix = `channel${useId()}`;
  const { formRef, errors, show: setErrors, showServerError, recheck } = useFormErrors();
  const [warning, setWarning] = useState<string | null>(null);
  const add = useMutation(
    trpc.channel.add.mutationOptions({
      onSuccess: async (channel) => {
        setWarning(channel.status === "suspicious" ? channel.statusReason : null);
        await queryClient.invalidateQueries({ queryKey: trpc.company.pathKey() });
      },
      onError: showServerError,
    }),
  );

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    setWarning(null);
    const result = validate(channelInput, { ...channelValues(form), companyId });
    if (!result.ok) return setErrors(result.errors);
    setErrors({});
    add.mutate(result.data, { onSuccess: () => form.reset() });
  }

  return (
    <form
      ref={formRef}
      onSubmit={onSubmit}
      onChange={(event) => {
        const form = event.currentTarget;
        recheck(channelInput, () => ({ ...channelValues(form), companyId }));
      }}
      noValidate
      aria-label={t("addForm")}
      className="space-y-3 rounded-lg border border-dashed border-border p-3"
    >
      <p className="text-sm font-medium">{t("addTitle")}</p>
      {warning && (
        <Alert variant="warning" title={t("addedSuspicious")}>
          {warning}
        </Alert>
      )}
      <ChannelFields idPrefix={idPrefix} errors={errors} />
      <FormErrorSummary errors={errors} />
      <Button type="submit" variant="secondary" loading={add.isPending}>
        {t("add")}
      </Button>
    </form>
  );
}

export interface EditableChannel {
  id: string;
  kind: ChannelKind;
  value: string;
  label: string | null;
  provenance: Provenance;
}

/** Edits a channel's value, label and where it was found (inside the ladder's dialog). */
export function ChannelEditForm({
  channel,
  onDone,
}: {
  channel: EditableChannel;
  /** Called with the saved channel; its status says whether the new value passed the check. */
  onDone: (saved: { status: string; statusReason: string | null }) => void;
}) {
  const t = useTranslations("ChannelLadder.form");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const idPrefix = `edit-channel${useId()}`;
  const { formRef, errors, show: setErrors, showServerError, recheck } = useFormErrors();
  const update = useMutation(
    trpc.channel.update.mutationOptions({
      onSuccess: async (saved) => {
        await queryClient.invalidateQueries({ queryKey: trpc.company.pathKey() });
        onDone(saved);
      },
      onError: showServerError,
    }),
  );

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const result = validate(updateChannelInput, {
      ...channelValues(event.currentTarget),
      channelId: channel.id,
    });
    if (!result.ok) return setErrors(result.errors);
    setErrors({});
    update.mutate(result.data);
  }

  return (
    <form
      ref={formRef}
      onSubmit={onSubmit}
      onChange={(event) => {
        const form = event.currentTarget;
        recheck(updateChannelInput, () => ({ ...channelValues(form), channelId: channel.id }));
      }}
      noValidate
      aria-label={t("editForm")}
      className="space-y-3"
    >
      <ChannelFields idPrefix={idPrefix} errors={errors} kind={channel.kind} defaults={channel} />
      <FormErrorSummary errors={errors} />
      <DialogFooter>
        <Button type="submit" loading={update.isPending}>
          {t("save")}
        </Button>
      </DialogFooter>
    </form>
  );
}
