import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { requireSession } from "~/server/auth";
import { ConfirmSenderAddress } from "./confirm-sender-address";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("SettingsAccount"))("confirmSenderTitle") };
}

/**
 * Where the link emailed to another sender address lands. It asks before it confirms: a mail
 * scanner that opens links confirms nothing, and only the signed-in owner can.
 */
export default async function SenderAddressPage({
  searchParams,
}: {
  searchParams: Promise<{ token?: string | string[] }>;
}) {
  // Opened signed out (from the email, on another device): sign-in comes back to this link.
  await requireSession();
  const { token } = await searchParams;
  return <ConfirmSenderAddress token={typeof token === "string" ? token : ""} />;
}
