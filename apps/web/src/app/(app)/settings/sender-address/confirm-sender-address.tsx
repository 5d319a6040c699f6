"use client";

import { Alert, Button, Card, CardContent, PageHeader, Spinner } from "@caseward/ui";
import { useMutation, useQuery } from "@tanstack/react-query";
import Link from "next/link";

import { serverMessage } from "~/lib/form";
import { useTRPC } from "~/trpc/react";

export function ConfirmSenderAddress({ token }: { token: string }) {
  const trpc = useTRPC();
  const link = useQuery({
    ...trpc.settings.senderAddressToConfirm.queryOptions({ token }),
    retry: false,
  });
  const confirm = useMutation(trpc.settings.confirmSenderAddress.mutationOptions());
  const back = (
    <Link href="/settings" className="font-medium underline underline-offset-4">
      Back to Settings
    </Link>
  );
  return (
    <div className="space-y-6">
      <PageHeader
        title="Confirm an address you send from"
        description="Mail from a confirmed address is added to your cases on its own."
      />
      <Card className="max-w-2xl">
        <CardContent className="space-y-4 pt-6">
          {link.isPending && <Spinner label="Reading the link" />}
          {link.isError && <Alert variant="danger">{serverMessage(link.error, "token")}</Alert>}
          {link.data?.expired && (
            <Alert variant="danger">
              This link was good for 24 hours and has expired. Add the address again in Settings to
              get a new one.
            </Alert>
          )}
          {confirm.isSuccess ? (
            <Alert variant="success">{`${confirm.data.address} is confirmed.`}</Alert>
          ) : (
            link.data &&
            !link.data.expired && (
              <>
                <p>{`Confirm ${link.data.address} as an address you send mail from?`}</p>
                {confirm.isError && (
                  <Alert variant="danger">{serverMessage(confirm.error, "token")}</Alert>
                )}
                <Button
                  type="button"
                  loading={confirm.isPending}
                  onClick={() => confirm.mutate({ token })}
                >
                  Confirm this address
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
