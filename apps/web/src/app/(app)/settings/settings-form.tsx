"use client";

import type { Locale } from "@caseward/core/i18n";
import { recordingConsent, settingsInput } from "@caseward/core/schemas";
import {
  Alert,
  Button,
  Card,
  CardContent,
  CardDescription,
  CardHeader,
  CardTitle,
  Checkbox,
  Field,
  fieldAria,
  Input,
  Label,
  NativeSelect,
  PageHeader,
} from "@caseward/ui";
import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";

import { useTranslations } from "~/i18n/translations";
import type { RegionChoices } from "~/components/region-fields";
import { RegionFields } from "~/components/region-fields";
import { FormErrorSummary } from "~/components/form-error-summary";
import { firstError, formValues, useFormErrors, validate } from "~/lib/form";
import { useTRPC } from "~/trpc/react";

/** Each language named in itself, whichever is showing. */
const languageNames: Record<Locale, string> = { en: "English", "fr-CA": "Français" };

export function SettingsForm({ regions }: { regions: RegionChoices }) {
  const t = useTranslations("Settings");
  const common = useTranslations("Common");
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const { data: settings } = useSuspenseQuery(trpc.settings.get.queryOptions());
  const { formRef, errors, show: setErrors, showServerError, recheck } = useFormErrors();
  const update = useMutation(
    trpc.settings.update.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.settings.pathKey() });
        // Every time on every page is written on the zone just saved (the layout's clock).
        router.refresh();
      },
      onError: showServerError,
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
      <PageHeader title={t("title")} />
      <Card className="max-w-2xl">
        <CardHeader>
          <CardTitle>{t("whereYouLive")}</CardTitle>
          <CardDescription>{t("whereYouLiveHint")}</CardDescription>
        </CardHeader>
        <CardContent>
          <form
            ref={formRef}
            onSubmit={onSubmit}
            onChange={(event) => {
              const values = formValues(event.currentTarget);
              recheck(settingsInput, () => values);
            }}
            noValidate
            aria-label={t("regionForm")}
            className="space-y-4"
          >
            {update.isSuccess && <Alert variant="success">{t("saved")}</Alert>}
            <Field label={t("language")} htmlFor="settings-locale" hint={t("languageHint")}>
              <NativeSelect
                id="settings-locale"
                name="locale"
                defaultValue={settings.locale}
                {...fieldAria("settings-locale", error("locale"), true)}
              >
                {(Object.keys(languageNames) as Locale[]).map((locale) => (
                  <option key={locale} value={locale} lang={locale}>
                    {languageNames[locale]}
                  </option>
                ))}
              </NativeSelect>
            </Field>
            <RegionFields
              key={`${settings.timeZone}|${settings.country}|${settings.subdivision ?? ""}`}
              choices={regions}
              initial={{
                timeZone: settings.timeZone,
                country: settings.country,
                subdivision: settings.subdivision ?? undefined,
              }}
              idPrefix="settings"
              errors={{
                timeZone: error("timeZone"),
                country: error("country"),
                subdivision: error("subdivision"),
              }}
            />
            <div className="grid grid-cols-1 gap-4 sm:grid-cols-3">
              <Field
                label={t("businessHoursFrom")}
                htmlFor="settings-open"
                error={error("businessHoursStart")}
              >
                <Input
                  id="settings-open"
                  name="businessHoursStart"
                  type="time"
                  defaultValue={settings.businessHoursStart}
                  {...fieldAria("settings-open", error("businessHoursStart"))}
                />
              </Field>
              <Field
                label={t("businessHoursTo")}
                htmlFor="settings-close"
                error={error("businessHoursEnd")}
              >
                <Input
                  id="settings-close"
                  name="businessHoursEnd"
                  type="time"
                  defaultValue={settings.businessHoursEnd}
                  {...fieldAria("settings-close", error("businessHoursEnd"))}
                />
              </Field>
              <Field
                label={t("answerExpectedWithin")}
                htmlFor="settings-window"
                error={error("responseWindowDays")}
                hint={t("businessDays")}
              >
                <Input
                  id="settings-window"
                  name="responseWindowDays"
                  type="number"
                  min={0.5}
                  max={30}
                  step={0.5}
                  defaultValue={settings.responseWindowDays}
                  {...fieldAria("settings-window", error("responseWindowDays"), true)}
                />
              </Field>
            </div>
            <fieldset className="space-y-3 rounded-lg border border-border p-4">
              <legend className="px-1 text-sm font-medium">{t("emails")}</legend>
              <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
                <Field
                  label={t("quietHoursFrom")}
                  htmlFor="settings-quiet-start"
                  error={error("quietHoursStart")}
                >
                  <Input
                    id="settings-quiet-start"
                    name="quietHoursStart"
                    type="time"
                    defaultValue={settings.quietHoursStart}
                    {...fieldAria("settings-quiet-start", error("quietHoursStart"))}
                  />
                </Field>
                <Field
                  label={t("quietHoursUntil")}
                  htmlFor="settings-quiet-end"
                  error={error("quietHoursEnd")}
                  hint={t("quietHoursHint")}
                >
                  <Input
                    id="settings-quiet-end"
                    name="quietHoursEnd"
                    type="time"
                    defaultValue={settings.quietHoursEnd}
                    {...fieldAria("settings-quiet-end", error("quietHoursEnd"), true)}
                  />
                </Field>
              </div>
              {(
                ["emailEscalations", "emailReminders", "emailRedFlags", "emailDailyDigest"] as const
              ).map((name) => (
                <div key={name} className="flex items-center gap-2">
                  <Checkbox id={`settings-${name}`} name={name} defaultChecked={settings[name]} />
                  <Label htmlFor={`settings-${name}`} className="font-normal">
                    {t(name)}
                  </Label>
                </div>
              ))}
            </fieldset>
            {rule && (
              <p className="text-sm text-muted-foreground">
                {t.rich("recordingRule", {
                  rule: rule.rule,
                  summary: rule.summary,
                  strong: (chunks) => <strong>{chunks}</strong>,
                })}
              </p>
            )}
            <FormErrorSummary errors={errors} />
            <Button type="submit" loading={update.isPending}>
              {common("save")}
            </Button>
          </form>
        </CardContent>
      </Card>
      <CalendarLink token={settings.calendarToken} />
    </div>
  );
}

function CalendarLink({ token }: { token: string | null }) {
  const t = useTranslations("Settings");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refresh = {
    onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.settings.pathKey() }),
  };
  const rotate = useMutation(trpc.settings.rotateCalendarLink.mutationOptions(refresh));
  const revoke = useMutation(trpc.settings.revokeCalendarLink.mutationOptions(refresh));
  // The origin is the browser's: known only after hydration.
  const [origin, setOrigin] = useState("");
  useEffect(() => setOrigin(window.location.origin), []);
  const url = token ? `${origin}/api/calendar/${token}.ics` : null;
  return (
    <Card className="max-w-2xl">
      <CardHeader>
        <CardTitle>{t("calendarTitle")}</CardTitle>
        <CardDescription>{t("calendarHint")}</CardDescription>
      </CardHeader>
      <CardContent className="space-y-3">
        {url && (
          <Input
            readOnly
            aria-label={t("calendarLink")}
            value={url}
            onFocus={(e) => e.currentTarget.select()}
            className="font-mono"
          />
        )}
        <div className="flex gap-2">
          <Button
            type="button"
            variant="secondary"
            loading={rotate.isPending}
            onClick={() => rotate.mutate()}
          >
            {token ? t("newCalendarLink") : t("createCalendarLink")}
          </Button>
          {token && (
            <Button
              type="button"
              variant="ghost"
              loading={revoke.isPending}
              onClick={() => revoke.mutate()}
            >
              {t("turnCalendarLinkOff")}
            </Button>
          )}
        </div>
      </CardContent>
    </Card>
  );
}
