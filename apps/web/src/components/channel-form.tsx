"use client";

import {
  channelInput,
  channelKindLabels,
  channelKinds,
  provenanceLabels,
  provenances,
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
} from "@caseward/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";

import type { FieldErrors } from "~/lib/form";
import { errorsFromServer, firstError, formValues, validate } from "~/lib/form";
import { useTRPC } from "~/trpc/react";
import { VocabularyOptions } from "~/components/vocabulary-options";

export function ChannelForm({ companyId }: { companyId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [warning, setWarning] = useState<string | null>(null);
  const add = useMutation(
    trpc.channel.add.mutationOptions({
      onSuccess: async (channel, _input) => {
        setWarning(channel.status === "suspicious" ? channel.statusReason : null);
        await queryClient.invalidateQueries({ queryKey: trpc.company.pathKey() });
      },
      onError: (error) => setErrors(errorsFromServer(error)),
    }),
  );

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    setWarning(null);
    const values = {
      ...formValues(form),
      companyId,
      verified: new FormData(form).get("verified") === "on",
    };
    const result = validate(channelInput, values);
    if (!result.ok) return setErrors(result.errors);
    setErrors({});
    add.mutate(result.data, { onSuccess: () => form.reset() });
  }

  const error = (field: string) => firstError(errors, field);
  return (
    <form
      onSubmit={onSubmit}
      noValidate
      aria-label="Add a channel"
      className="space-y-3 rounded-lg border border-dashed border-border p-3"
    >
      <p className="text-sm font-medium">Add a channel</p>
      {errors._form && <Alert variant="danger">{errors._form[0]}</Alert>}
      {warning && (
        <Alert variant="warning" title="Added, but marked suspicious">
          {warning}
        </Alert>
      )}
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label="Kind" htmlFor="channel-kind" error={error("kind")}>
          <NativeSelect id="channel-kind" name="kind" defaultValue="phone">
            <VocabularyOptions values={channelKinds} labels={channelKindLabels} />
          </NativeSelect>
        </Field>
        <Field
          label="Where did you find it?"
          htmlFor="channel-provenance"
          error={error("provenance")}
        >
          <NativeSelect id="channel-provenance" name="provenance" defaultValue="official_website">
            <VocabularyOptions values={provenances} labels={provenanceLabels} />
          </NativeSelect>
        </Field>
      </div>
      <Field label="Address, number or place" htmlFor="channel-value" error={error("value")}>
        <Input
          id="channel-value"
          name="value"
          placeholder="1-800-769-2511 or support@rbc.com"
          {...fieldAria("channel-value", error("value"))}
        />
      </Field>
      <div className="flex items-center gap-2">
        <Checkbox id="channel-verified" name="verified" />
        <Label htmlFor="channel-verified" className="font-normal">
          I checked it against an official source just now
        </Label>
      </div>
      <Button type="submit" variant="secondary" loading={add.isPending}>
        Add channel
      </Button>
    </form>
  );
}
