"use client";

import {
  Alert,
  Card,
  CardContent,
  CardDescription,
  CardHeader,
  CardTitle,
  PageHeader,
} from "@caseward/ui";
import { useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";

import { PrivacyGradeBadge } from "~/components/badges";
import { DisclosureTable } from "~/components/disclosure-table";
import { useClock } from "~/lib/time";
import { useTRPC } from "~/trpc/react";
import { BreachSection } from "./breach-section";
import { ChecklistForm } from "./checklist-form";
import { WillingToShareForm } from "./willing-to-share-form";

/** A company's privacy page: the checklist, what the user will give, what it holds, breaches. */
export function CompanyPrivacy({ companyId }: { companyId: string }) {
  const clock = useClock();
  const trpc = useTRPC();
  const { data: checklist } = useSuspenseQuery(trpc.privacy.checklist.queryOptions({ companyId }));
  const { data: held } = useSuspenseQuery(trpc.privacy.disclosures.queryOptions({ companyId }));
  const { company } = checklist;
  return (
    <div className="space-y-6">
      <PageHeader
        title={`Privacy at ${company.name}`}
        description={
          <>
            <Link href={`/companies/${company.id}`} className="hover:underline">
              Back to {company.name}
            </Link>
            {" · "}
            {company.privacyReviewedAt
              ? `Reviewed ${clock.date(company.privacyReviewedAt)}`
              : "Never reviewed"}
          </>
        }
        actions={<PrivacyGradeBadge rating={checklist.rating} />}
      />
      {checklist.needsReview && (
        <Alert variant="warning" title="Review this checklist">
          {checklist.beforeFirstContact
            ? "Before your first contact with this company, go through these questions: they tell you what to give and what to keep to yourself."
            : company.privacyReviewedAt
              ? "You reviewed it over a year ago. Policies change: check the answers again."
              : "You have not reviewed this company yet. It takes a few minutes with its privacy policy open."}
        </Alert>
      )}
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-[3fr_2fr]">
        <Card>
          <CardHeader>
            <CardTitle>Privacy checklist</CardTitle>
            <CardDescription>
              Answer from its privacy policy, its website, or what its staff told you. Saving marks
              the checklist reviewed today.
            </CardDescription>
          </CardHeader>
          <CardContent>
            <ChecklistForm companyId={company.id} saved={checklist.answers} />
          </CardContent>
        </Card>
        <div className="space-y-6">
          <Card id="willing">
            <CardHeader>
              <CardTitle>What I am willing to give</CardTitle>
              <CardDescription>
                Decide before you call. The contact session warns you when you give anything else.
              </CardDescription>
            </CardHeader>
            <CardContent>
              <WillingToShareForm companyId={company.id} kinds={company.willingToShare} />
            </CardContent>
          </Card>
          <Card id="held">
            <CardHeader>
              <CardTitle>What they hold about me</CardTitle>
              <CardDescription>Everything you recorded giving {company.name}.</CardDescription>
            </CardHeader>
            <CardContent>
              <DisclosureTable entries={held} show="case" empty="Nothing recorded yet." removable />
            </CardContent>
          </Card>
          <Card id="breaches">
            <CardHeader>
              <CardTitle>Data breaches</CardTitle>
              <CardDescription>
                If {company.name} leaked data, see what it held about you and what to do.
              </CardDescription>
            </CardHeader>
            <CardContent>
              <BreachSection companyId={company.id} />
            </CardContent>
          </Card>
        </div>
      </div>
    </div>
  );
}
