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

import { useTranslations } from "~/i18n/translations";
import { useClock } from "~/lib/time";
import { useTRPC } from "~/trpc/react";

/** "Where you're signed in": every session that has not expired, and a way to end each one. */
export function SignedInSessions() {
  const t = useTranslations("SettingsSecurity");
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
        <CardTitle>{t("sessionsTitle")}</CardTitle>
        <CardDescription>
          {t("sessionsHint", {
            idleMinutes: sessionLifetime.idleSeconds / 60,
            absoluteHours: sessionLifetime.absoluteSeconds / 3600,
          })}
        </CardDescription>
      </CardHeader>
      <CardContent className="space-y-3">
        <ul aria-label={t("signedInDevices")} className="space-y-2">
          {sessions.map((session) => (
            <li
              key={session.id}
              className="flex flex-wrap items-center gap-3 rounded-lg border border-border p-3 text-sm"
            >
              <Laptop aria-hidden className="size-4 text-muted-foreground" />
              <div className="min-w-0 flex-1">
                <p className="font-medium">
                  {session.device}{" "}
                  {session.current && <Badge variant="success">{t("thisDevice")}</Badge>}
                </p>
                <p className="text-muted-foreground">
                  {t("sessionDetails", {
                    address: session.address ?? t("addressUnknown"),
                    signedIn: clock.dateTime(session.signedInAt),
                    lastActive: clock.dateTime(session.lastActiveAt),
                  })}
                </p>
              </div>
              {!session.current && (
                <Button
                  variant="outline"
                  size="sm"
                  loading={revoke.isPending && revoke.variables.sessionId === session.id}
                  onClick={() => revoke.mutate({ sessionId: session.id })}
                  aria-label={t("signOutDevice", {
                    device: session.device,
                    lastActive: clock.dateTime(session.lastActiveAt),
                  })}
                >
                  {t("signOut")}
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
            {t("signOutOthers")}
          </Button>
        )}
      </CardContent>
    </Card>
  );
}
