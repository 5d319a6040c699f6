"use client";

import {
  Card,
  CardContent,
  CardDescription,
  CardHeader,
  CardTitle,
  EmptyState,
  PageHeader,
} from "@caseward/ui";
import { useSuspenseQuery } from "@tanstack/react-query";
import { FolderOpen, Globe, ShieldCheck } from "lucide-react";
import Link from "next/link";

import { CaseStatusBadge, PrivacyGradeBadge } from "~/components/badges";
import { ChannelForm } from "~/components/channel-form";
import { ComplaintBodyForm } from "~/components/complaint-body-form";
import { ChannelLadder } from "~/components/channel-ladder";
import { OpenCaseDialog } from "~/components/open-case-dialog";
import { useClock, useTimeAgo } from "~/lib/time";
import { useTRPC } from "~/trpc/react";

export function CompanyDetail({ companyId }: { companyId: string }) {
  const trpc = useTRPC();
  const { data: company } = useSuspenseQuery(trpc.company.byId.queryOptions({ companyId }));
  const { data: companies } = useSuspenseQuery(trpc.company.list.queryOptions());
  const { data: privacy } = useSuspenseQuery(trpc.privacy.checklist.queryOptions({ companyId }));
  const clock = useClock();
  const ago = useTimeAgo();

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
        <Card id="ladder" className="scroll-mt-20">
          <CardHeader>
            <CardTitle>Channel ladder</CardTitle>
            <CardDescription>
              From least to most direct. When a company goes quiet, move one step up.
            </CardDescription>
          </CardHeader>
          <CardContent className="space-y-4">
            <ChannelLadder companyId={company.id} channels={company.channels} />
            <ChannelForm companyId={company.id} />
          </CardContent>
        </Card>
        <div className="space-y-6">
          <Card>
            <CardHeader>
              <CardTitle className="flex items-center justify-between gap-2">
                Privacy <PrivacyGradeBadge rating={privacy.rating} />
              </CardTitle>
              <CardDescription>
                {privacy.needsReview
                  ? privacy.beforeFirstContact
                    ? "Go through its privacy checklist before your first contact."
                    : "Its privacy checklist is due for a review."
                  : `Reviewed ${privacy.company.privacyReviewedAt ? clock.date(privacy.company.privacyReviewedAt) : ""}.`}
              </CardDescription>
            </CardHeader>
            <CardContent>
              <Link
                href={`/companies/${company.id}/privacy`}
                className="inline-flex items-center gap-1.5 text-sm font-medium text-primary hover:underline"
              >
                <ShieldCheck aria-hidden className="size-4" />
                {privacy.needsReview ? "Review the privacy checklist" : "Privacy checklist"}, what
                they hold, breaches
              </Link>
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
                        Opened{" "}
                        <time
                          dateTime={item.createdAt.toISOString()}
                          title={clock.dateTime(item.createdAt)}
                        >
                          {ago(item.createdAt)}
                        </time>
                      </p>
                    </li>
                  ))}
                </ul>
              )}
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>Complaints</CardTitle>
              <CardDescription>
                When you may take an unresolved case to an ombudsman or regulator.
              </CardDescription>
            </CardHeader>
            <CardContent>
              <ComplaintBodyForm
                companyId={company.id}
                complaintBody={company.complaintBody}
                complaintAfterDays={company.complaintAfterDays}
              />
            </CardContent>
          </Card>
        </div>
      </div>
    </div>
  );
}
