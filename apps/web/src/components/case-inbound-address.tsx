"use client";

import { useQuery } from "@tanstack/react-query";

import { CopyAddress } from "~/components/copy-address";
import { useTRPC } from "~/trpc/react";

/** The case's own email address: BCC it or forward to it, and the email joins this case. */
export function CaseInboundAddress({ caseId }: { caseId: string }) {
  const trpc = useTRPC();
  const { data } = useQuery(trpc.case.inboundAddress.queryOptions({ caseId }));
  return (
    <section aria-labelledby="case-address-title" className="max-w-2xl space-y-1">
      <h2 id="case-address-title" className="text-sm font-medium">
        This case&apos;s email address
      </h2>
      <p className="text-muted-foreground text-sm">
        Bcc it when you write to the company, or forward their answer to it: the email is added to
        this case.
      </p>
      {data ? (
        <CopyAddress address={data.address} label="This case's email address" />
      ) : (
        <p className="text-muted-foreground text-sm">Loading the address…</p>
      )}
    </section>
  );
}
