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

import { useClock } from "~/lib/time";
import { useTRPC } from "~/trpc/react";
import type { AppRouter } from "~/trpc/root";

type AuditEvent = inferRouterOutputs<AppRouter>["audit"]["list"]["events"][number];

const signInMethods: Record<string, string> = {
  password: "with your password",
  totp: "with an authenticator code",
  backup_code: "with a backup code",
};
const failureReasons: Record<string, string> = {
  password: "wrong password",
  totp: "wrong authenticator code",
  backup_code: "wrong backup code",
};

/** What happened, in words. */
function describe({ kind, detail }: AuditEvent): string {
  switch (kind) {
    case "sign_in":
      return `Signed in ${signInMethods[detail.method ?? ""] ?? ""}`.trim();
    case "sign_in_failed":
      return `Failed sign-in (${failureReasons[detail.reason ?? ""] ?? "refused"})`;
    case "two_factor_enabled":
      return "Turned on two-factor sign-in";
    case "two_factor_disabled":
      return "Turned off two-factor sign-in";
    case "backup_codes_regenerated":
      return "Made new backup codes";
    case "backup_code_used":
      return "Used a backup code";
    case "password_changed":
      return "Changed the password";
    case "account_exported":
      return "Downloaded all account data";
    case "attachment_deleted":
      return "Deleted a file";
    case "channel_deleted":
      return "Deleted a contact channel";
    case "question_deleted":
      return "Deleted a question";
    case "disclosure_deleted":
      return "Deleted a disclosure";
    case "breach_deleted":
      return "Deleted a breach report";
    case "company_deleted":
      return "Deleted a company and its cases";
    case "red_flag_deleted":
      return "Deleted a red flag";
    case "file_downloaded":
      return "Downloaded a file";
    case "evidence_downloaded":
      return "Downloaded an evidence pack";
  }
}

/** Settings → Security activity: the user's own sign-ins, changes, downloads and deletions. */
export function SecurityActivity() {
  const clock = useClock();
  const trpc = useTRPC();
  const query = useInfiniteQuery(
    trpc.audit.list.infiniteQueryOptions({}, { getNextPageParam: (page) => page.nextCursor }),
  );
  const events = query.data?.pages.flatMap((page) => page.events) ?? [];

  return (
    <Card>
      <CardHeader>
        <CardTitle>Security activity</CardTitle>
        <CardDescription>
          Sign-ins, failed sign-ins, security changes, downloads and deletions on your account.
          Places are approximate: a country or city when the network says so, otherwise the network
          the request came from.
        </CardDescription>
      </CardHeader>
      <CardContent className="space-y-4">
        {query.isPending && <Skeleton className="h-24 w-full" />}
        {query.isError && <Alert variant="danger">Could not load your activity.</Alert>}
        {query.isSuccess && events.length === 0 && (
          <p className="text-sm text-muted-foreground">Nothing yet.</p>
        )}
        {events.length > 0 && (
          // On a phone each event is a short stacked block, not a four-column table.
          <div className="sm:overflow-x-auto">
            <table className="w-full text-left text-sm max-sm:block">
              <caption className="sr-only">Security activity, newest first</caption>
              <thead className="text-muted-foreground max-sm:sr-only">
                <tr>
                  <th scope="col" className="py-2 pr-4 font-medium">
                    When
                  </th>
                  <th scope="col" className="py-2 pr-4 font-medium">
                    What
                  </th>
                  <th scope="col" className="py-2 pr-4 font-medium">
                    Device
                  </th>
                  <th scope="col" className="py-2 font-medium">
                    Place
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
                    <td className="py-2 pr-4 max-sm:p-0">{describe(event)}</td>
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
            Show older activity
          </Button>
        )}
      </CardContent>
    </Card>
  );
}
