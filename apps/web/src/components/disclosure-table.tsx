"use client";

import type { ChannelKind, DisclosureKind } from "@caseward/core/schemas";
import { Button, EmptyState } from "@caseward/ui";
import { useQueryClient } from "@tanstack/react-query";
import { ShieldCheck, Trash2 } from "lucide-react";
import Link from "next/link";

import { useTranslations } from "~/i18n/translations";
import { useChannelText } from "~/components/channel-value";
import { trpcDelete, useDeleteWithUndo } from "~/lib/delete-with-undo";
import { useClock } from "~/lib/time";
import { useTRPC } from "~/trpc/react";

export interface DisclosureRow {
  id: string;
  kind: DisclosureKind;
  asked: boolean;
  reason: string | null;
  detail: string | null;
  disclosedAt: Date;
  channelKind: ChannelKind;
  channelValue: string | null;
  caseId: string;
  caseTitle: string;
  companyId: string;
  companyName: string;
}

/**
 * Ledger rows: what was given, when, on which channel, asked or volunteered, and why. With
 * `removable`, each row can be removed (with undo), e.g. one recorded by mistake.
 */
export function DisclosureTable({
  entries: all,
  show,
  empty,
  removable = false,
}: {
  entries: readonly DisclosureRow[];
  /** The column that links out: the case (on a company's pages) or the company (across companies). */
  show: "case" | "company";
  empty: string;
  removable?: boolean;
}) {
  const t = useTranslations("Disclosures");
  const words = useTranslations("Vocabulary");
  const deletes = useDeleteWithUndo();
  const entries = all.filter((e) => !deletes.isPending(e.id));
  const clock = useClock();
  const channelText = useChannelText();
  if (entries.length === 0) {
    return <EmptyState icon={<ShieldCheck aria-hidden className="size-6" />} title={empty} />;
  }
  return (
    // A phone reads each entry as a short stacked block, not a table five columns wide.
    <div className="sm:overflow-x-auto">
      <table className="w-full text-left text-sm max-sm:block">
        <thead className="text-xs text-muted-foreground max-sm:sr-only">
          <tr>
            <th className="py-1 pr-3 font-medium">{t("what")}</th>
            <th className="py-1 pr-3 font-medium">{t("whenAndHow")}</th>
            <th className="py-1 pr-3 font-medium">{show === "case" ? t("case") : t("company")}</th>
            <th className="py-1 font-medium">{t("why")}</th>
            {removable && (
              <th className="py-1 font-medium">
                <span className="sr-only">{t("remove")}</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody className="divide-y divide-border max-sm:block">
          {entries.map((e) => (
            <tr
              key={e.id}
              className="align-top break-inside-avoid max-sm:relative max-sm:flex max-sm:flex-col max-sm:gap-0.5 max-sm:py-2"
            >
              <td className="py-2 pr-3 wrap-break-word max-sm:p-0 max-sm:pr-10">
                <span className="font-medium">{words(`disclosureKind.${e.kind}`)}</span>
                {e.detail && <span className="block text-muted-foreground">{e.detail}</span>}
              </td>
              <td className="py-2 pr-3 max-sm:p-0 sm:whitespace-nowrap">
                {clock.dateTime(e.disclosedAt)}
                <span className="block text-muted-foreground wrap-anywhere">
                  {e.channelValue
                    ? t("channelWithValue", {
                        kind: words(`channelKind.${e.channelKind}`),
                        value: channelText({ kind: e.channelKind, value: e.channelValue }),
                      })
                    : words(`channelKind.${e.channelKind}`)}
                </span>
              </td>
              <td className="py-2 pr-3 wrap-break-word max-sm:p-0">
                {show === "case" ? (
                  <Link href={`/cases/${e.caseId}`} className="hover:underline">
                    {e.caseTitle}
                  </Link>
                ) : (
                  <Link href={`/companies/${e.companyId}/privacy#held`} className="hover:underline">
                    {e.companyName}
                  </Link>
                )}
              </td>
              <td className="py-2 max-sm:p-0">
                {e.asked ? t("theyAsked") : t("offered")}
                {e.reason && (
                  <span className="block text-muted-foreground">
                    {t("quotedReason", { reason: e.reason })}
                  </span>
                )}
              </td>
              {removable && (
                <td className="py-1 pl-2 text-right max-sm:absolute max-sm:top-1 max-sm:right-0 max-sm:p-0">
                  <RemoveDisclosure entry={e} remove={deletes.remove} />
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function RemoveDisclosure({
  entry,
  remove,
}: {
  entry: DisclosureRow;
  remove: ReturnType<typeof useDeleteWithUndo>["remove"];
}) {
  const t = useTranslations("Disclosures");
  const words = useTranslations("Vocabulary");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const what = words(`disclosureKind.${entry.kind}`);
  return (
    <Button
      variant="ghost"
      size="icon"
      className="size-8"
      aria-label={t("removeGivenTo", { what, company: entry.companyName })}
      onClick={() =>
        remove({
          id: entry.id,
          message: t("removedFromGiven", { what }),
          request: trpcDelete(trpc.privacy.deleteDisclosure, { disclosureId: entry.id }),
          refresh: () =>
            Promise.all([
              queryClient.invalidateQueries({ queryKey: trpc.privacy.pathKey() }),
              queryClient.invalidateQueries({ queryKey: trpc.case.pathKey() }),
            ]),
        })
      }
    >
      <Trash2 aria-hidden />
    </Button>
  );
}
