import type { Metadata } from "next";

import { requireSession } from "~/server/auth";
import { HydrateClient, prefetch, trpc } from "~/trpc/server";
import { AccountData } from "./account-data";
import { SecurityActivity } from "./security-activity";
import { SettingsForm } from "./settings-form";
import { TwoFactorSettings } from "./two-factor-settings";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const session = await requireSession();
  prefetch(trpc.settings.get.queryOptions());
  return (
    <HydrateClient>
      <div className="space-y-6">
        <SettingsForm />
        <TwoFactorSettings enabled={Boolean(session.user.twoFactorEnabled)} />
        <SecurityActivity />
        <AccountData />
      </div>
    </HydrateClient>
  );
}
