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
import { useState } from "react";
import { z } from "zod";

import { formValues, useFormErrors, validate } from "~/lib/form";
import { useTRPC } from "~/trpc/react";

// The browser's copy of core's senderAddressInput: the same message before a round trip.
const schema = z.object({
  address: z
    .string("Enter an email address, like name@example.com.")
    .trim()
    .pipe(z.email("Enter an email address, like name@example.com.")),
});

/**
 * Settings → other addresses the user sends from: added here, confirmed by the link emailed to
 * each; mail from a confirmed one is filed on its own, like mail from the account's address.
 */
export function SenderAddresses() {
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
        <CardTitle>Other addresses you send from</CardTitle>
        <CardDescription>
          Mail you forward or copy to your Caseward address is added on its own only when it comes
          from an address you confirmed. Add your other addresses here, like a work email.
        </CardDescription>
      </CardHeader>
      <CardContent className="space-y-4">
        {data.length > 0 && (
          <ul aria-label="Other addresses you send from" className="divide-y rounded-md border">
            {data.map((row) => (
              <li key={row.id} className="flex flex-wrap items-center gap-2 p-3">
                <span className="min-w-0 flex-1 break-all">{row.address}</span>
                <Badge variant={row.confirmed ? "success" : "warning"}>
                  {row.confirmed ? "Confirmed" : "Waiting for you to open the link we sent"}
                </Badge>
                <Button
                  type="button"
                  variant="ghost"
                  size="sm"
                  aria-label={`Remove ${row.address}`}
                  loading={remove.isPending && remove.variables.id === row.id}
                  onClick={() => remove.mutate({ id: row.id })}
                >
                  Remove
                </Button>
              </li>
            ))}
          </ul>
        )}
        {remove.isError && <Alert variant="danger">That did not work. Please try again.</Alert>}
        <form
          ref={form.formRef}
          onSubmit={onSubmit}
          noValidate
          aria-label="Add an address you send from"
          className="space-y-4"
          onChange={(event) => {
            // Read later, in the state update: React has let go of the event by then.
            const target = event.currentTarget;
            form.recheck(schema, () => formValues(target));
          }}
        >
          {form.errors._form && <Alert variant="danger">{form.errors._form[0]}</Alert>}
          {sentTo && (
            <Alert variant="success">
              {`We sent a link to ${sentTo}. Open it within 24 hours, signed in to Caseward, to confirm the address.`}
            </Alert>
          )}
          <Field
            label="Another address you send from"
            htmlFor="sender-address"
            error={form.error("address")}
          >
            <Input
              id="sender-address"
              name="address"
              type="email"
              autoComplete="email"
              {...fieldAria("sender-address", form.error("address"))}
            />
          </Field>
          <Button type="submit" loading={add.isPending}>
            Send confirmation link
          </Button>
        </form>
      </CardContent>
    </Card>
  );
}
