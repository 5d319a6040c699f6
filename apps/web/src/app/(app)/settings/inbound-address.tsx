"use client";

import {
  Alert,
  Button,
  Card,
  CardContent,
  CardDescription,
  CardHeader,
  CardTitle,
  Dialog,
  DialogClose,
  DialogContent,
  DialogFooter,
  DialogTrigger,
} from "@caseward/ui";
import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useState } from "react";

import { useTranslations } from "~/i18n/translations";
import { CopyAddress } from "~/components/copy-address";
import { useTRPC } from "~/trpc/react";

/** Settings → the user's private Caseward address, how to use it, and "Make a new address". */
export function InboundAddress() {
  const t = useTranslations("SettingsAccount");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data } = useSuspenseQuery(trpc.settings.inboundAddress.queryOptions());
  const [confirming, setConfirming] = useState(false);
  const renew = useMutation(
    trpc.settings.renewInboundAddress.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.settings.inboundAddress.queryKey() });
        setConfirming(false);
      },
    }),
  );
  return (
    <Card className="max-w-2xl">
      <CardHeader>
        <CardTitle>{t("inboundTitle")}</CardTitle>
        <CardDescription>{t("inboundHint")}</CardDescription>
      </CardHeader>
      <CardContent className="space-y-4">
        <CopyAddress address={data.address} label={t("inboundTitle")} />
        <div className="space-y-2 text-sm">
          <p>{t.rich("inboundWriting", { strong: (chunks) => <strong>{chunks}</strong> })}</p>
          <p>{t.rich("inboundAnswer", { strong: (chunks) => <strong>{chunks}</strong> })}</p>
          <details className="rounded-md border p-3">
            <summary className="cursor-pointer font-medium">{t("forwardAutomatically")}</summary>
            <ul className="mt-2 list-disc space-y-2 pl-5">
              {(["forwardGmail", "forwardOutlook", "forwardAppleMail"] as const).map((key) => (
                <li key={key}>{t.rich(key, { strong: (chunks) => <strong>{chunks}</strong> })}</li>
              ))}
            </ul>
          </details>
          <p className="text-muted-foreground">{t("inboundOwnMailOnly")}</p>
        </div>
        <Dialog
          open={confirming}
          onOpenChange={(open) => {
            setConfirming(open);
            renew.reset();
          }}
        >
          <DialogTrigger asChild>
            <Button type="button" variant="secondary">
              {t("newInboundAddress")}
            </Button>
          </DialogTrigger>
          <DialogContent
            title={t("newInboundAddressQuestion")}
            description={t("newInboundAddressWarning")}
          >
            {renew.isError && <Alert variant="danger">{t("failed")}</Alert>}
            <DialogFooter>
              <DialogClose asChild>
                <Button type="button" variant="ghost">
                  {t("keepInboundAddress")}
                </Button>
              </DialogClose>
              <Button type="button" loading={renew.isPending} onClick={() => renew.mutate()}>
                {t("newInboundAddress")}
              </Button>
            </DialogFooter>
          </DialogContent>
        </Dialog>
      </CardContent>
    </Card>
  );
}
