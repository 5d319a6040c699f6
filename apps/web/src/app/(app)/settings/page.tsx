import { regionCatalogue } from "@caseward/core";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { requireSession } from "~/server/auth";
import { HydrateClient, prefetch, trpc } from "~/trpc/server";
import { AccountData } from "./account-data";
import { ChangePassword } from "./change-password";
import { EmailAddress } from "./email-address";
import { InboundAddress } from "./inbound-address";
import { SecurityActivity } from "./security-activity";
import { SenderAddresses } from "./sender-addresses";
import { SettingsForm } from "./settings-form";
import { SignedInSessions } from "./signed-in-sessions";
import { TwoFactorSettings } from "./two-factor-settings";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Settings"))("title") };
}

export default async function SettingsPage() {
  const session = await requireSession();
  prefetch(trpc.settings.get.queryOptions());
  prefetch(trpc.account.sessions.queryOptions());
  prefetch(trpc.settings.inboundAddress.queryOptions());
  prefetch(trpc.settings.senderAddresses.queryOptions());
  return (
    <HydrateClient>
      <div className="space-y-6">
        <SettingsForm
          regions={{ catalogue: regionCatalogue(), zones: Intl.supportedValuesOf("timeZone") }}
        />
        <InboundAddress />
        <SenderAddresses />
        <EmailAddress email={session.user.email} verified={session.user.emailVerified} />
        <ChangePassword />
        <TwoFactorSettings enabled={Boolean(session.user.twoFactorEnabled)} />
        <SignedInSessions />
        <SecurityActivity />
        <AccountData twoFactorEnabled={Boolean(session.user.twoFactorEnabled)} />
      </div>
    </HydrateClient>
  );
}
