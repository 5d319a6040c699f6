"use client";

import { sessionLifetime } from "@caseward/auth/session-lifetime";
import {
  Badge,
  Button,
  Card,
  CardContent,
  CardDescription,
  CardHeader,
  CardTitle,
} from "@caseward/ui";
import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { Laptop } from "lucide-react";

import { useClock } from "~/lib/time";
import { useTRPC } from "~/trpc/react";

/** "Where you're signed in": every session that has not expired, and a way to end each one. */
export function SignedInSessions() {
  const clock = useClock();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: sessions } = useSuspenseQuery(trpc.account.sessions.queryOptions());
  const refresh = () =>
    queryClient.invalidateQueries({ queryKey: trpc.account.sessions.queryKey() });
  const revoke = useMutation(trpc.account.revokeSession.mutationOptions({ onSuccess: refresh }));
  const revokeOthers = useMutation(
    trpc.account.revokeOtherSessions.mutationOptions({ onSuccess: refresh }),
  );
  const others = sessions.filter((session) => !session.current);

  return (
    <Card>
      <CardHeader>
        <CardTitle>Where you’re signed in</CardTitle>
        <CardDescription>
          {`A session ends after ${sessionLifetime.idleSeconds / 60} minutes without use, and ${sessionLifetime.absoluteSeconds / 3600} hours after sign-in in any case. Sign out a device you do not recognise, then change your password.`}
        </CardDescription>
      </CardHeader>
      <CardContent className="space-y-3">
        <ul aria-label="Signed-in devices" className="space-y-2">
          {sessions.map((session) => (
            <li
              key={session.id}
              className="flex flex-wrap items-center gap-3 rounded-lg border border-border p-3 text-sm"
            >
              <Laptop aria-hidden className="size-4 text-muted-foreground" />
              <div className="min-w-0 flex-1">
                <p className="font-medium">
                  {session.device} {session.current && <Badge variant="success">This device</Badge>}
                </p>
                <p className="text-muted-foreground">
                  {session.address ?? "Address not known"} · signed in{" "}
                  {clock.dateTime(session.signedInAt)} · last active{" "}
                  {clock.dateTime(session.lastActiveAt)}
                </p>
              </div>
              {!session.current && (
                <Button
                  variant="outline"
                  size="sm"
                  loading={revoke.isPending && revoke.variables.sessionId === session.id}
                  onClick={() => revoke.mutate({ sessionId: session.id })}
                  aria-label={`Sign out ${session.device}, last active ${clock.dateTime(session.lastActiveAt)}`}
                >
                  Sign out
                </Button>
              )}
            </li>
          ))}
        </ul>
        {others.length > 0 && (
          <Button
            variant="secondary"
            loading={revokeOthers.isPending}
            onClick={() => revokeOthers.mutate()}
          >
            Sign out all other devices
          </Button>
        )}
      </CardContent>
    </Card>
  );
}
