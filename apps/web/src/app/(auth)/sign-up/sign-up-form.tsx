"use client";

import { useMutation } from "@tanstack/react-query";

import type { Region, RegionChoices } from "~/components/region-fields";
import { TRPCReactProvider, useTRPC } from "~/trpc/react";
import { AuthForm } from "../auth-form";

/** The sign-up form, which stores the new account's region through tRPC once signed in. */
export function SignUpForm({ regions }: { regions: { choices: RegionChoices; initial: Region } }) {
  return (
    <TRPCReactProvider>
      <SignUpWithSettings regions={regions} />
    </TRPCReactProvider>
  );
}

function SignUpWithSettings({ regions }: { regions: { choices: RegionChoices; initial: Region } }) {
  const trpc = useTRPC();
  const saveSettings = useMutation(trpc.settings.update.mutationOptions());
  return <AuthForm mode="sign-up" regions={regions} saveSettings={saveSettings.mutateAsync} />;
}
