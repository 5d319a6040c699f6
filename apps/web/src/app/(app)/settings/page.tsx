import type { Metadata } from "next";

import { HydrateClient, prefetch, trpc } from "~/trpc/server";
import { SettingsForm } from "./settings-form";

export const metadata: Metadata = { title: "Settings" };

export default function SettingsPage() {
  prefetch(trpc.settings.get.queryOptions());
  return (
    <HydrateClient>
      <SettingsForm />
    </HydrateClient>
  );
}
