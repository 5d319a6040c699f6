import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

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
      <InboxList />
    </HydrateClient>
  );
}
