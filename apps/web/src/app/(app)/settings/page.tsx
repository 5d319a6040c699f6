import type { Metadata } from "next";

import { requireSession } from "~/server/auth";
import { HydrateClient, prefetch, trpc } from "~/trpc/server";
import { SettingsForm } from "./settings-form";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  await requireSession();
  prefetch(trpc.settings.get.queryOptions());
  return (
    <HydrateClient>
      <SettingsForm />
    </HydrateClient>
  );
}
