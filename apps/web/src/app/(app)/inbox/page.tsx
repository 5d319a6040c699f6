import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { ClientMessages } from "~/i18n/client-messages";
import { requireSession } from "~/server/auth";
import { HydrateClient, prefetch, trpc } from "~/trpc/server";
import { InboxList } from "./inbox-list";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Inbox");
  return { title: t("metaTitle") };
}

export default async function InboxPage() {
  await requireSession();
  prefetch(trpc.inbox.list.queryOptions());
  prefetch(trpc.company.list.queryOptions());
  return (
    <HydrateClient>
      <ClientMessages namespaces={["Inbox", "Vocabulary", "Common"]}>
        <InboxList />
      </ClientMessages>
    </HydrateClient>
  );
}
