"use client";

import { recordingConsent, settingsInput } from "@caseward/core/schemas";
import {
  Alert,
  Button,
  Card,
  CardContent,
  CardDescription,
  CardHeader,
  CardTitle,
  Field,
  fieldAria,
  Input,
  NativeSelect,
  PageHeader,
} from "@caseward/ui";
import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";

import type { FieldErrors } from "~/lib/form";
import { errorsFromServer, firstError, formValues, validate } from "~/lib/form";
import { useTRPC } from "~/trpc/react";

export function SettingsForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: settings } = useSuspenseQuery(trpc.settings.get.queryOptions());
  const [errors, setErrors] = useState<FieldErrors>({});
  const zones = useMemo(() => Intl.supportedValuesOf("timeZone"), []);
  const update = useMutation(
    trpc.settings.update.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.settings.pathKey() }),
      onError: (error) => setErrors(errorsFromServer(error)),
    }),
  );
  const rule = recordingConsent({
    country: settings.country,
    subdivision: settings.subdivision ?? undefined,
  });

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const result = validate(settingsInput, formValues(event.currentTarget));
    if (!result.ok) return setErrors(result.errors);
    setErrors({});
    update.mutate(result.data);
  }
  const error = (field: string) => firstError(errors, field);
  return (
    <div className="space-y-6">
      <PageHeader title="Settings" />
      <Card className="max-w-2xl">
        <CardHeader>
          <CardTitle>Where you live</CardTitle>
          <CardDescription>
            Business days and holidays, and whether you may record a call, depend on it.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <form onSubmit={onSubmit} noValidate aria-label="Region" className="space-y-4">
            {errors._form && <Alert variant="danger">{errors._form[0]}</Alert>}
            {update.isSuccess && <Alert variant="success">Saved.</Alert>}
            <Field label="Time zone" htmlFor="settings-zone" error={error("timeZone")}>
              <NativeSelect id="settings-zone" name="timeZone" defaultValue={settings.timeZone}>
                {zones.map((zone) => (
                  <option key={zone} value={zone}>
                    {zone.replaceAll("_", " ")}
                  </option>
                ))}
              </NativeSelect>
            </Field>
            <div className="grid gap-4 sm:grid-cols-2">
              <Field
                label="Country"
                htmlFor="settings-country"
                error={error("country")}
                hint="Two letters: CA, US, GB, AU…"
              >
                <Input
                  id="settings-country"
                  name="country"
                  defaultValue={settings.country}
                  maxLength={2}
                  className="uppercase"
                  {...fieldAria("settings-country", error("country"), true)}
                />
              </Field>
              <Field
                label="Province or state"
                htmlFor="settings-subdivision"
                error={error("subdivision")}
                hint="ON, QC, NY, CA, NSW…"
              >
                <Input
                  id="settings-subdivision"
                  name="subdivision"
                  defaultValue={settings.subdivision ?? ""}
                  maxLength={3}
                  className="uppercase"
                  {...fieldAria("settings-subdivision", error("subdivision"), true)}
                />
              </Field>
            </div>
            {rule && (
              <p className="text-sm text-muted-foreground">
                Recording calls here:{" "}
                <strong>
                  {rule.rule === "one_party" ? "one-party consent" : "everyone must agree"}
                </strong>
                . {rule.summary}
              </p>
            )}
            <Button type="submit" loading={update.isPending}>
              Save
            </Button>
          </form>
        </CardContent>
      </Card>
    </div>
  );
}
