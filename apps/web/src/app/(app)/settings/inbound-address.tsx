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

import { CopyAddress } from "~/components/copy-address";
import { useTRPC } from "~/trpc/react";

/** Settings → the user's private Caseward address, how to use it, and "Make a new address". */
export function InboundAddress() {
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
        <CardTitle>Your Caseward address</CardTitle>
        <CardDescription>
          Emails sent to this address are added to your cases. Keep it private: anyone who has it
          can send mail into your Caseward.
        </CardDescription>
      </CardHeader>
      <CardContent className="space-y-4">
        <CopyAddress address={data.address} label="Your Caseward address" />
        <div className="space-y-2 text-sm">
          <p>
            <strong>When you write to a company</strong>, add this address in Bcc: the clock for
            their answer starts.
          </p>
          <p>
            <strong>When the company answers</strong>, forward their email to this address: the case
            shows they answered.
          </p>
          <details className="rounded-md border p-3">
            <summary className="cursor-pointer font-medium">
              Forward a company&apos;s emails automatically
            </summary>
            <ul className="mt-2 list-disc space-y-2 pl-5">
              <li>
                <strong>Gmail</strong>: Settings, Forwarding and POP/IMAP, add this address. Then
                Filters: From the company&apos;s domain (for example @rogers.com), Forward it to
                this address.
              </li>
              <li>
                <strong>Outlook</strong>: Settings, Mail, Rules, Add new rule: From the
                company&apos;s address, Forward to this address.
              </li>
              <li>
                <strong>Apple Mail</strong>: Settings, Rules, Add Rule: If From contains the
                company&apos;s domain, Forward Message to this address.
              </li>
            </ul>
          </details>
          <p className="text-muted-foreground">
            Only mail from your own email addresses (the one you sign in with, and those you confirm
            below) is added on its own; anything else waits for you to look at it.
          </p>
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
              Make a new address
            </Button>
          </DialogTrigger>
          <DialogContent
            title="Make a new address?"
            description="The address you have now stops working at once, and so do your cases' addresses. Mail sent to them is refused. Update any forwarding rule to the new address."
          >
            {renew.isError && <Alert variant="danger">That did not work. Please try again.</Alert>}
            <DialogFooter>
              <DialogClose asChild>
                <Button type="button" variant="ghost">
                  Keep this address
                </Button>
              </DialogClose>
              <Button type="button" loading={renew.isPending} onClick={() => renew.mutate()}>
                Make a new address
              </Button>
            </DialogFooter>
          </DialogContent>
        </Dialog>
      </CardContent>
    </Card>
  );
}
