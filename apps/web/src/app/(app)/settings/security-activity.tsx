"use client";

import {
  Alert,
  Button,
  Card,
  CardContent,
  CardDescription,
  CardHeader,
  CardTitle,
  Skeleton,
} from "@caseward/ui";
import { useInfiniteQuery } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";

import { useTranslations } from "~/i18n/translations";
import { useClock } from "~/lib/time";
import { useTRPC } from "~/trpc/react";
import type { AppRouter } from "~/trpc/root";

type AuditEvent = inferRouterOutputs<AppRouter>["audit"]["list"]["events"][number];

type Translate = ReturnType<typeof useTranslations<"SettingsSecurity">>;

/** What happened, in words. */
function describe(t: Translate, { kind, detail }: AuditEvent): string {
  if (kind === "sign_in") return t("event.sign_in", { method: detail.method ?? "" });
  if (kind === "sign_in_failed") return t("event.sign_in_failed", { reason: detail.reason ?? "" });
  return t(`event.${kind}`);
}

/** Settings → Security activity: the user's own sign-ins, changes, downloads and deletions. */
export function SecurityActivity() {
  const t = useTranslations("SettingsSecurity");
  const clock = useClock();
  const trpc = useTRPC();
  const query = useInfiniteQuery(
    trpc.audit.list.infiniteQueryOptions({}, { getNextPageParam: (page) => page.nextCursor }),
  );
  const events = query.data?.pages.flatMap((page) => page.events) ?? [];

  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("activityTitle")}</CardTitle>
        <CardDescription>{t("activityHint")}</CardDescription>
      </CardHeader>
      <CardContent className="space-y-4">
        {query.isPending && <Skeleton className="h-24 w-full" />}
        {query.isError && <Alert variant="danger">{t("activityFailed")}</Alert>}
        {query.isSuccess && events.length === 0 && (
          <p className="text-sm text-muted-foreground">{t("nothingYet")}</p>
        )}
        {events.length > 0 && (
          // On a phone each event is a short stacked block, not a four-column table.
          <div className="sm:overflow-x-auto">
            <table className="w-full text-left text-sm max-sm:block">
              <caption className="sr-only">{t("activityCaption")}</caption>
              <thead className="text-muted-foreground max-sm:sr-only">
                <tr>
                  <th scope="col" className="py-2 pr-4 font-medium">
                    {t("when")}
                  </th>
                  <th scope="col" className="py-2 pr-4 font-medium">
                    {t("what")}
                  </th>
                  <th scope="col" className="py-2 pr-4 font-medium">
                    {t("device")}
                  </th>
                  <th scope="col" className="py-2 font-medium">
                    {t("place")}
                  </th>
                </tr>
              </thead>
              <tbody className="max-sm:block">
                {events.map((event) => (
                  <tr
                    key={event.id}
                    className="border-t border-border max-sm:flex max-sm:flex-col max-sm:py-2"
                  >
                    <td className="py-2 pr-4 max-sm:p-0 max-sm:font-medium sm:whitespace-nowrap">
                      <time dateTime={event.occurredAt.toISOString()}>
                        {clock.dateTime(event.occurredAt)}
                      </time>
                    </td>
                    <td className="py-2 pr-4 max-sm:p-0">{describe(t, event)}</td>
                    <td className="py-2 pr-4 wrap-anywhere max-sm:p-0 max-sm:text-muted-foreground">
                      {event.device}
                    </td>
                    <td className="py-2 max-sm:p-0 max-sm:text-muted-foreground">{event.place}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {query.hasNextPage && (
          <Button
            variant="secondary"
            loading={query.isFetchingNextPage}
            onClick={() => void query.fetchNextPage()}
          >
            {t("olderActivity")}
          </Button>
        )}
      </CardContent>
    </Card>
  );
}
