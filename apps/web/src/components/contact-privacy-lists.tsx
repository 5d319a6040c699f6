"use client";

import type { DisclosureKind, RedFlagKind, RedFlagSource } from "@caseward/core/schemas";
import { redFlagDetailsIn } from "@caseward/core/schemas";
import { Badge } from "@caseward/ui";
import { useQueryClient } from "@tanstack/react-query";
import { TriangleAlert, X } from "lucide-react";
import { useLocale } from "next-intl";

import { useTranslations } from "~/i18n/translations";
import { trpcDelete, useDeleteWithUndo } from "~/lib/delete-with-undo";
import { useTRPC } from "~/trpc/react";

const sourceKeys = {
  marked: "sourceMarked",
  scanned: "sourceScanned",
  inbound: "sourceInbound",
} as const satisfies Record<RedFlagSource, string>;

export interface Flag {
  id: string;
  kind: RedFlagKind;
  source: RedFlagSource;
}

export interface Disclosure {
  id: string;
  kind: DisclosureKind;
  asked: boolean;
  reason: string | null;
  detail: string | null;
}

/** The warning signs and disclosures a contact has, each removable (with an undo). */
export function PrivacyLists({
  redFlags: allFlags,
  disclosures: allDisclosures,
}: {
  redFlags: Flag[];
  disclosures: Disclosure[];
}) {
  const t = useTranslations("Disclosures");
  const details = redFlagDetailsIn(useLocale());
  const words = useTranslations("Vocabulary");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  // The case page and the ledgers show these rows.
  const reload = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.case.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.privacy.pathKey() }),
    ]);
  const deletes = useDeleteWithUndo();
  const redFlags = allFlags.filter((f) => !deletes.isPending(f.id));
  const disclosures = allDisclosures.filter((d) => !deletes.isPending(d.id));

  return (
    <>
      {redFlags.length > 0 && (
        <ul aria-label={t("redFlags")} className="space-y-1">
          {redFlags.map((f) => (
            <li key={f.id} className="flex items-start gap-1.5 text-danger">
              <TriangleAlert aria-hidden className="mt-0.5 size-4 shrink-0" />
              <span className="min-w-0 flex-1">
                <span className="font-medium">{details[f.kind].title}</span>{" "}
                <span className="text-muted-foreground">
                  {t("flagWithSource", { source: t(sourceKeys[f.source]) })}
                </span>
              </span>
              <button
                type="button"
                aria-label={t("removeRedFlag", { flag: details[f.kind].title })}
                title={t("removeRedFlagTitle")}
                className="-my-1 inline-flex size-7 shrink-0 items-center justify-center rounded text-muted-foreground hover:bg-foreground/10 hover:text-foreground"
                onClick={() =>
                  deletes.remove({
                    id: f.id,
                    message: t("redFlagRemoved"),
                    request: trpcDelete(trpc.privacy.deleteRedFlag, { redFlagId: f.id }),
                    refresh: reload,
                  })
                }
              >
                <X aria-hidden className="size-4" />
              </button>
            </li>
          ))}
        </ul>
      )}
      {disclosures.length > 0 && (
        <div aria-label={t("personalDataGiven")} className="flex flex-wrap items-center gap-1.5">
          <span className="text-muted-foreground">{t("gave")}</span>
          {disclosures.map((d) => (
            <Badge
              key={d.id}
              variant={d.kind === "password" || d.kind === "one_time_code" ? "danger" : "neutral"}
              title={[d.asked ? t("theyAsked") : t("offered"), d.reason, d.detail]
                .filter(Boolean)
                .join(" · ")}
            >
              {d.detail
                ? t("detailInBadge", { what: words(`disclosureKind.${d.kind}`), detail: d.detail })
                : words(`disclosureKind.${d.kind}`)}
              <button
                type="button"
                aria-label={t("removeWhat", { what: words(`disclosureKind.${d.kind}`) })}
                className="-my-1 -mr-1.5 ml-0.5 inline-flex size-6 items-center justify-center rounded hover:bg-foreground/10"
                onClick={() =>
                  deletes.remove({
                    id: d.id,
                    message: t("removedFromGiven", { what: words(`disclosureKind.${d.kind}`) }),
                    request: trpcDelete(trpc.privacy.deleteDisclosure, { disclosureId: d.id }),
                    refresh: reload,
                  })
                }
              >
                <X aria-hidden className="size-3" />
              </button>
            </Badge>
          ))}
        </div>
      )}
    </>
  );
}
