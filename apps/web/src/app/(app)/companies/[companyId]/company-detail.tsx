"use client";

import { channelKindLabels, provenanceLabels } from "@caseward/core/schemas";
import {
  Alert,
  Card,
  CardContent,
  CardDescription,
  CardHeader,
  CardTitle,
  EmptyState,
  PageHeader,
} from "@caseward/ui";
import { useSuspenseQuery } from "@tanstack/react-query";
import { FolderOpen, Globe } from "lucide-react";
import Link from "next/link";

import { CaseStatusBadge, ChannelStatusBadge } from "~/components/badges";
import { ChannelForm } from "~/components/channel-form";
import { OpenCaseDialog } from "~/components/open-case-dialog";
import { formatDateTime, timeAgo } from "~/lib/time";
import { useTRPC } from "~/trpc/react";

export function CompanyDetail({ companyId }: { companyId: string }) {
  const trpc = useTRPC();
  const { data: company } = useSuspenseQuery(trpc.company.byId.queryOptions({ companyId }));
  const { data: companies } = useSuspenseQuery(trpc.company.list.queryOptions());

  return (
    <div className="space-y-6">
      <PageHeader
        title={company.name}
        description={
          <span className="inline-flex items-center gap-1">
            <Globe aria-hidden className="size-3.5" /> Official domain:{" "}
            <strong>{company.officialDomain}</strong>
          </span>
        }
        actions={<OpenCaseDialog companies={companies} companyId={company.id} />}
      />
      <div className="grid gap-6 lg:grid-cols-[3fr_2fr]">
        <Card>
          <CardHeader>
            <CardTitle>Channel ladder</CardTitle>
            <CardDescription>
              From least to most direct. When a company goes quiet, move one step up.
            </CardDescription>
          </CardHeader>
          <CardContent className="space-y-4">
            {company.channels.length === 0 ? (
              <p className="text-sm text-muted-foreground">
                No channels yet. Add the ones you found, and say where you found them.
              </p>
            ) : (
              <ol aria-label="Channels" className="space-y-2">
                {company.channels.map((channel, index) => (
                  <li key={channel.id} className="rounded-lg border border-border p-3">
                    <div className="flex flex-wrap items-center gap-2">
                      <span
                        className="flex size-6 items-center justify-center rounded-full bg-muted text-xs font-medium"
                        aria-label={`Step ${index + 1}`}
                      >
                        {index + 1}
                      </span>
                      <span className="font-medium">{channelKindLabels[channel.kind]}</span>
                      <ChannelStatusBadge status={channel.status} />
                    </div>
                    <p className="mt-1 break-all font-mono text-sm">{channel.value}</p>
                    <p className="mt-1 text-xs text-muted-foreground">
                      Found on: {provenanceLabels[channel.provenance]}
                      {channel.lastVerifiedAt
                        ? ` · verified ${formatDateTime(channel.lastVerifiedAt)}`
                        : ""}
                    </p>
                    {channel.status === "suspicious" && channel.statusReason && (
                      <Alert variant="danger" className="mt-2">
                        {channel.statusReason} Do not use it.
                      </Alert>
                    )}
                  </li>
                ))}
              </ol>
            )}
            <ChannelForm companyId={company.id} />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Cases</CardTitle>
          </CardHeader>
          <CardContent>
            {company.cases.length === 0 ? (
              <EmptyState
                icon={<FolderOpen aria-hidden className="size-6" />}
                title="No cases with this company"
              />
            ) : (
              <ul className="divide-y divide-border">
                {company.cases.map((item) => (
                  <li key={item.id} className="py-2">
                    <Link
                      href={`/cases/${item.id}`}
                      className="flex items-center justify-between gap-2 hover:underline"
                    >
                      <span className="truncate">{item.title}</span>
                      <CaseStatusBadge status={item.status} />
                    </Link>
                    <p className="text-xs text-muted-foreground">
                      Opened {timeAgo(item.createdAt)}
                    </p>
                  </li>
                ))}
              </ul>
            )}
          </CardContent>
        </Card>
      </div>
    </div>
  );
}
