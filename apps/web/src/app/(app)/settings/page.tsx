import type { Metadata } from "next";

import { requireSession } from "~/server/auth";
import { HydrateClient, prefetch, trpc } from "~/trpc/server";
import { AccountData } from "./account-data";
import { SettingsForm } from "./settings-form";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  await requireSession();
  prefetch(trpc.settings.get.queryOptions());
  return (
    <HydrateClient>
      <div className="space-y-6">
        <SettingsForm />
        <AccountData />
      </div>
    </HydrateClient>
  );
}
