"use client";

import {
  Alert,
  Badge,
  Button,
  Card,
  CardContent,
  CardDescription,
  CardHeader,
  CardTitle,
  Field,
  fieldAria,
  Input,
} from "@caseward/ui";
import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { z } from "zod";

import { useTranslations } from "~/i18n/translations";
import { formValues, useFormErrors, validate } from "~/lib/form";
import { useTRPC } from "~/trpc/react";

// The browser's copy of core's senderAddressInput: the same message before a round trip.
const schemaOf = (message: string) =>
  z.object({ address: z.string(message).trim().pipe(z.email(message)) });

/**
 * Settings → other addresses the user sends from: added here, confirmed by the link emailed to
 * each; mail from a confirmed one is filed on its own, like mail from the account's address.
 */
export function SenderAddresses() {
  const t = useTranslations("SettingsAccount");
  const common = useTranslations("Common");
  const schema = useMemo(() => schemaOf(t("senderAddressInvalid")), [t]);
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data } = useSuspenseQuery(trpc.settings.senderAddresses.queryOptions());
  const form = useFormErrors();
  const [sentTo, setSentTo] = useState<string>();
  const refresh = () =>
    queryClient.invalidateQueries({ queryKey: trpc.settings.senderAddresses.queryKey() });
  const add = useMutation(
    trpc.settings.addSenderAddress.mutationOptions({
      onSuccess: async (added) => {
        form.formRef.current?.reset();
        setSentTo(added.address);
        await refresh();
      },
      onError: form.showServerError,
    }),
  );
  const remove = useMutation(
    trpc.settings.removeSenderAddress.mutationOptions({ onSuccess: refresh }),
  );

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSentTo(undefined);
    const result = validate(schema, formValues(event.currentTarget));
    if (!result.ok) return form.show(result.errors);
    form.clear();
    add.mutate(result.data);
  }

  return (
    <Card className="max-w-2xl">
      <CardHeader>
        <CardTitle>{t("sendersTitle")}</CardTitle>
        <CardDescription>{t("sendersHint")}</CardDescription>
      </CardHeader>
      <CardContent className="space-y-4">
        {data.length > 0 && (
          <ul aria-label={t("sendersTitle")} className="divide-y rounded-md border">
            {data.map((row) => (
              <li key={row.id} className="flex flex-wrap items-center gap-2 p-3">
                <span className="min-w-0 flex-1 break-all">{row.address}</span>
                <Badge variant={row.confirmed ? "success" : "warning"}>
                  {row.confirmed ? t("senderConfirmed") : t("senderWaiting")}
                </Badge>
                <Button
                  type="button"
                  variant="ghost"
                  size="sm"
                  aria-label={t("removeSender", { address: row.address })}
                  loading={remove.isPending && remove.variables.id === row.id}
                  onClick={() => remove.mutate({ id: row.id })}
                >
                  {common("remove")}
                </Button>
              </li>
            ))}
          </ul>
        )}
        {remove.isError && <Alert variant="danger">{t("failed")}</Alert>}
        <form
          ref={form.formRef}
          onSubmit={onSubmit}
          noValidate
          aria-label={t("addSenderForm")}
          className="space-y-4"
          onChange={(event) => {
            // Read later, in the state update: React has let go of the event by then.
            const target = event.currentTarget;
            form.recheck(schema, () => formValues(target));
          }}
        >
          {form.errors._form && <Alert variant="danger">{form.errors._form[0]}</Alert>}
          {sentTo && <Alert variant="success">{t("senderLinkSent", { address: sentTo })}</Alert>}
          <Field label={t("anotherSender")} htmlFor="sender-address" error={form.error("address")}>
            <Input
              id="sender-address"
              name="address"
              type="email"
              autoComplete="email"
              {...fieldAria("sender-address", form.error("address"))}
            />
          </Field>
          <Button type="submit" loading={add.isPending}>
            {t("sendConfirmationLink")}
          </Button>
        </form>
      </CardContent>
    </Card>
  );
}
