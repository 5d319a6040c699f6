"use client";

import { contactTimeInput } from "@caseward/core/schemas";
import { Button, Input } from "@caseward/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";

import { firstError, serverMessage, validate } from "~/lib/form";
import { useClock } from "~/lib/time";
import { useTRPC } from "~/trpc/react";

/** Corrects when a contact happened; the deadline it started moves with it. */
export function ContactTimeEditor({
  contactId,
  startedAt,
}: {
  contactId: string;
  startedAt: Date;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const clock = useClock();
  // Shown and read on the user's clock, whatever zone the browser is in.
  const [value, setValue] = useState(() => clock.toInput(startedAt));
  const [error, setError] = useState<string | null>(null);
  const save = useMutation(
    trpc.contact.updateTime.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries(),
      onError: (e) => setError(serverMessage(e, "startedAt")),
    }),
  );
  return (
    <details className="mt-2 text-sm">
      <summary className="cursor-pointer text-muted-foreground">Change the time</summary>
      <form
        className="mt-2 flex flex-wrap items-center gap-2"
        onSubmit={(event) => {
          event.preventDefault();
          setError(null);
          const checked = validate(contactTimeInput, {
            contactId,
            startedAt: clock.fromInput(value),
          });
          if (!checked.ok) return setError(firstError(checked.errors, "startedAt") ?? null);
          save.mutate(checked.data);
        }}
      >
        <Input
          type="datetime-local"
          aria-label={`When the contact started${clock.inputZone ? `, ${clock.inputZone}` : ""}`}
          value={value}
          onChange={(e) => setValue(e.target.value)}
          className="w-auto"
        />
        {clock.inputZone && <span className="text-muted-foreground">{clock.inputZone}</span>}
        <Button type="submit" size="sm" variant="secondary" loading={save.isPending}>
          Save time
        </Button>
        {error && (
          <p role="alert" className="w-full text-danger">
            {error}
          </p>
        )}
      </form>
    </details>
  );
}
