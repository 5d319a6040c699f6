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

import { useTranslations } from "~/i18n/translations";
import { PrivacyGradeBadge } from "~/components/badges";
import { DisclosureTable } from "~/components/disclosure-table";
import { useClock } from "~/lib/time";
import { useTRPC } from "~/trpc/react";
import { BreachSection } from "./breach-section";
import { ChecklistForm } from "./checklist-form";
import { WillingToShareForm } from "./willing-to-share-form";

/** A company's privacy page: the checklist, what the user will give, what it holds, breaches. */
export function CompanyPrivacy({ companyId }: { companyId: string }) {
  const t = useTranslations("Privacy");
  const clock = useClock();
  const trpc = useTRPC();
  const { data: checklist } = useSuspenseQuery(trpc.privacy.checklist.queryOptions({ companyId }));
  const { data: held } = useSuspenseQuery(trpc.privacy.disclosures.queryOptions({ companyId }));
  const { company } = checklist;
  return (
    <div className="space-y-6">
      <PageHeader
        title={t("title", { company: company.name })}
        description={
          <>
            <Link href={`/companies/${company.id}`} className="hover:underline">
              {t("backTo", { company: company.name })}
            </Link>
            {" · "}
            {company.privacyReviewedAt
              ? t("reviewed", { date: clock.date(company.privacyReviewedAt) })
              : t("neverReviewed")}
          </>
        }
        actions={<PrivacyGradeBadge rating={checklist.rating} />}
      />
      {checklist.needsReview && (
        <Alert variant="warning" title={t("reviewTitle")}>
          {checklist.beforeFirstContact
            ? t("reviewBeforeFirstContact")
            : company.privacyReviewedAt
              ? t("reviewOld")
              : t("reviewNever")}
        </Alert>
      )}
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-[3fr_2fr]">
        <Card>
          <CardHeader>
            <CardTitle>{t("checklistTitle")}</CardTitle>
            <CardDescription>{t("checklistLead")}</CardDescription>
          </CardHeader>
          <CardContent>
            <ChecklistForm companyId={company.id} saved={checklist.answers} />
          </CardContent>
        </Card>
        <div className="space-y-6">
          <Card id="willing">
            <CardHeader>
              <CardTitle>{t("willingTitle")}</CardTitle>
              <CardDescription>{t("willingLead")}</CardDescription>
            </CardHeader>
            <CardContent>
              <WillingToShareForm companyId={company.id} kinds={company.willingToShare} />
            </CardContent>
          </Card>
          <Card id="held">
            <CardHeader>
              <CardTitle>{t("heldTitle")}</CardTitle>
              <CardDescription>{t("heldLead", { company: company.name })}</CardDescription>
            </CardHeader>
            <CardContent>
              <DisclosureTable entries={held} show="case" empty={t("heldEmpty")} removable />
            </CardContent>
          </Card>
          <Card id="breaches">
            <CardHeader>
              <CardTitle>{t("breachesTitle")}</CardTitle>
              <CardDescription>{t("breachesLead", { company: company.name })}</CardDescription>
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
