"use client";

import type { ChannelRecheck } from "@caseward/core";
import {
  Button,
  Card,
  CardContent,
  CardDescription,
  CardHeader,
  CardTitle,
  Dialog,
  DialogContent,
  DialogTrigger,
  EmptyState,
  PageHeader,
} from "@caseward/ui";
import { useSuspenseQuery } from "@tanstack/react-query";
import { FolderOpen, Globe, Pencil, ShieldCheck } from "lucide-react";
import Link from "next/link";
import { useState } from "react";

import { useTranslations } from "~/i18n/translations";
import { CaseStatusBadge, PrivacyGradeBadge } from "~/components/badges";
import { ChannelForm } from "~/components/channel-form";
import { ChannelLadder } from "~/components/channel-ladder";
import type { CompanyUpdate, EditableCompany } from "~/components/company-form";
import { CompanyEditForm } from "~/components/company-form";
import { ComplaintBodyForm } from "~/components/complaint-body-form";
import { CompanyReportCard } from "~/components/insights/company-report-card";
import { OpenCaseDialog } from "~/components/open-case-dialog";
import { useClock, useTimeAgo } from "~/lib/time";
import { useTRPC } from "~/trpc/react";
import { ChannelRecheckNotice } from "./channel-recheck-notice";
import { DeleteCompanyDialog } from "./delete-company-dialog";
import { OfficialDomains } from "./official-domains";

export function CompanyDetail({ companyId }: { companyId: string }) {
  const trpc = useTRPC();
  const { data: company } = useSuspenseQuery(trpc.company.byId.queryOptions({ companyId }));
  const { data: companies } = useSuspenseQuery(trpc.company.list.queryOptions());
  const { data: privacy } = useSuspenseQuery(trpc.privacy.checklist.queryOptions({ companyId }));
  // What the last change of domains did to the ladder, shown above it.
  const [recheck, setRecheck] = useState<{
    recheck: ChannelRecheck;
    replacedDomain?: string | null;
  } | null>(null);
  const clock = useClock();
  const ago = useTimeAgo();
  const t = useTranslations("CompanyPage");

  return (
    <div className="space-y-6">
      <PageHeader
        title={company.name}
        description={
          <span className="inline-flex items-start gap-1">
            <Globe aria-hidden className="mt-0.5 size-3.5 shrink-0" />
            <span className="break-all">
              {t("officialDomainsLead", { count: company.domains.length })}
              {company.domains.map((d, index) => (
                <span key={d.id}>
                  {index > 0 && ", "}
                  <strong>{d.domain}</strong>
                </span>
              ))}
            </span>
          </span>
        }
        actions={
          // On paper the page is the company's report card (globals.css): no buttons or forms.
          <div className="contents print:hidden">
            <OpenCaseDialog companies={companies} companyId={company.id} />
            <EditCompanyDialog company={company} onSaved={setRecheck} />
            <DeleteCompanyDialog companyId={company.id} name={company.name} />
          </div>
        }
      />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-[3fr_2fr] print:block">
        <div className="min-w-0 space-y-6 print:hidden">
          <Card id="ladder" className="scroll-mt-20">
            <CardHeader>
              <CardTitle>{t("ladderTitle")}</CardTitle>
              <CardDescription>{t("ladderLead")}</CardDescription>
            </CardHeader>
            <CardContent className="space-y-4">
              {recheck && <ChannelRecheckNotice {...recheck} />}
              <ChannelLadder companyId={company.id} channels={company.channels} />
              <ChannelForm companyId={company.id} />
            </CardContent>
          </Card>
          <Card id="domains" className="scroll-mt-20">
            <CardHeader>
              <CardTitle>{t("domainsTitle")}</CardTitle>
              <CardDescription>{t("domainsLead")}</CardDescription>
            </CardHeader>
            <CardContent>
              <OfficialDomains
                companyId={company.id}
                domains={company.domains}
                onRecheck={(result) => setRecheck({ recheck: result })}
              />
            </CardContent>
          </Card>
        </div>
        <div className="min-w-0 space-y-6">
          <CompanyReportCard companyId={company.id} />
          <Card className="print:hidden">
            <CardHeader>
              <CardTitle className="flex flex-wrap items-center justify-between gap-2">
                {t("privacyTitle")} <PrivacyGradeBadge rating={privacy.rating} />
              </CardTitle>
              <CardDescription>
                {privacy.needsReview
                  ? privacy.beforeFirstContact
                    ? t("privacyBeforeFirstContact")
                    : t("privacyDue")
                  : t("privacyReviewed", {
                      date: privacy.company.privacyReviewedAt
                        ? clock.date(privacy.company.privacyReviewedAt)
                        : "",
                    })}
              </CardDescription>
            </CardHeader>
            <CardContent>
              <Link
                href={`/companies/${company.id}/privacy`}
                className="inline-flex items-center gap-1.5 text-sm font-medium text-primary hover:underline"
              >
                <ShieldCheck aria-hidden className="size-4" />
                {privacy.needsReview ? t("privacyLinkReview") : t("privacyLink")}
              </Link>
            </CardContent>
          </Card>
          <Card className="print:hidden">
            <CardHeader>
              <CardTitle>{t("casesTitle")}</CardTitle>
            </CardHeader>
            <CardContent>
              {company.cases.length === 0 ? (
                <EmptyState
                  icon={<FolderOpen aria-hidden className="size-6" />}
                  title={t("noCases")}
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
                        {t.rich("opened", {
                          time: () => (
                            <time
                              dateTime={item.createdAt.toISOString()}
                              title={clock.dateTime(item.createdAt)}
                            >
                              {ago(item.createdAt)}
                            </time>
                          ),
                        })}
                      </p>
                    </li>
                  ))}
                </ul>
              )}
            </CardContent>
          </Card>
          <Card className="print:hidden">
            <CardHeader>
              <CardTitle>{t("complaintsTitle")}</CardTitle>
              <CardDescription>{t("complaintsLead")}</CardDescription>
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

function EditCompanyDialog({
  company,
  onSaved,
}: {
  company: EditableCompany;
  onSaved: (update: CompanyUpdate) => void;
}) {
  const t = useTranslations("CompanyPage");
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="outline">
          <Pencil aria-hidden className="size-4" /> {t("edit")}
        </Button>
      </DialogTrigger>
      <DialogContent title={t("editTitle")} description={t("editLead")}>
        <CompanyEditForm
          company={company}
          onDone={(update) => {
            setOpen(false);
            onSaved(update);
          }}
        />
      </DialogContent>
    </Dialog>
  );
}
