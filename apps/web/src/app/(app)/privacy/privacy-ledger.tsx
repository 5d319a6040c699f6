"use client";

import type { DisclosureKind } from "@caseward/core/schemas";
import { Card, CardContent, CardHeader, CardTitle, EmptyState, PageHeader, cn } from "@caseward/ui";
import { useQuery, useSuspenseQuery } from "@tanstack/react-query";
import { Fingerprint } from "lucide-react";
import Link from "next/link";

import { useTranslations } from "~/i18n/translations";
import { DisclosureTable } from "~/components/disclosure-table";
import { useClock } from "~/lib/time";
import { useTRPC } from "~/trpc/react";

/** The disclosure ledger across companies: per kind of data, who has it. */
export function PrivacyLedger({ kind }: { kind?: DisclosureKind }) {
  const t = useTranslations("Privacy.ledger");
  const kindLabel = useTranslations("Vocabulary.disclosureKind");
  const clock = useClock();
  const trpc = useTRPC();
  const { data: byKind } = useSuspenseQuery(trpc.privacy.ledger.queryOptions());
  const detail = useQuery({
    ...trpc.privacy.disclosures.queryOptions({ kind }),
    enabled: kind !== undefined,
  });
  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} description={t("lead")} />
      {byKind.length === 0 ? (
        <EmptyState
          icon={<Fingerprint aria-hidden className="size-6" />}
          title={t("emptyTitle")}
          description={t("emptyLead")}
        />
      ) : (
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {byKind.map((group) => (
            <Card
              key={group.kind}
              className={cn(group.kind === kind && "ring-2 ring-primary")}
              aria-label={kindLabel(group.kind)}
            >
              <CardHeader>
                <CardTitle>
                  <Link href={`/privacy?kind=${group.kind}`} className="hover:underline">
                    {kindLabel(group.kind)}
                  </Link>
                </CardTitle>
              </CardHeader>
              <CardContent>
                <p className="text-sm text-muted-foreground">
                  {t("holders", { count: group.holders.length })}
                </p>
                <ul className="mt-2 space-y-1 text-sm">
                  {group.holders.map((holder) => (
                    <li key={holder.companyId} className="flex justify-between gap-2">
                      <Link
                        href={`/companies/${holder.companyId}/privacy#held`}
                        className="truncate hover:underline"
                      >
                        {holder.companyName}
                      </Link>
                      <span className="shrink-0 text-muted-foreground">
                        {t("times", { times: holder.times, date: clock.date(holder.last) })}
                      </span>
                    </li>
                  ))}
                </ul>
              </CardContent>
            </Card>
          ))}
        </div>
      )}
      {kind && (
        <Card>
          <CardHeader>
            <CardTitle>{t("everyTime", { kind: kindLabel(kind) })}</CardTitle>
          </CardHeader>
          <CardContent>
            <DisclosureTable
              entries={detail.data ?? []}
              show="company"
              empty={detail.isPending ? t("loading") : t("never")}
              removable
            />
          </CardContent>
        </Card>
      )}
    </div>
  );
}
