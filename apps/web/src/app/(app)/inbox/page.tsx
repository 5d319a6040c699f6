import type { Metadata } from "next";

import { requireSession } from "~/server/auth";
import { HydrateClient, prefetch, trpc } from "~/trpc/server";
import { InboxList } from "./inbox-list";

export const metadata: Metadata = { title: "Inbox" };

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
