"use client";

import { Alert, Button, Card, CardContent, PageHeader, Spinner } from "@caseward/ui";
import { useMutation, useQuery } from "@tanstack/react-query";
import Link from "next/link";

import { useTranslations } from "~/i18n/translations";
import { serverMessage } from "~/lib/form";
import { useTRPC } from "~/trpc/react";

export function ConfirmSenderAddress({ token }: { token: string }) {
  const t = useTranslations("SettingsAccount");
  const trpc = useTRPC();
  const link = useQuery({
    ...trpc.settings.senderAddressToConfirm.queryOptions({ token }),
    retry: false,
  });
  const confirm = useMutation(trpc.settings.confirmSenderAddress.mutationOptions());
  const back = (
    <Link href="/settings" className="font-medium underline underline-offset-4">
      {t("backToSettings")}
    </Link>
  );
  return (
    <div className="space-y-6">
      <PageHeader title={t("confirmSenderTitle")} description={t("confirmSenderHint")} />
      <Card className="max-w-2xl">
        <CardContent className="space-y-4 pt-6">
          {link.isPending && <Spinner label={t("readingLink")} />}
          {link.isError && <Alert variant="danger">{serverMessage(link.error, "token")}</Alert>}
          {link.data?.expired && <Alert variant="danger">{t("senderLinkExpired")}</Alert>}
          {confirm.isSuccess ? (
            <Alert variant="success">
              {t("senderIsConfirmed", { address: confirm.data.address })}
            </Alert>
          ) : (
            link.data &&
            !link.data.expired && (
              <>
                <p>{t("confirmSenderQuestion", { address: link.data.address })}</p>
                {confirm.isError && (
                  <Alert variant="danger">{serverMessage(confirm.error, "token")}</Alert>
                )}
                <Button
                  type="button"
                  loading={confirm.isPending}
                  onClick={() => confirm.mutate({ token })}
                >
                  {t("confirmThisAddress")}
                </Button>
              </>
            )
          )}
          <p>{back}</p>
        </CardContent>
      </Card>
    </div>
  );
}
