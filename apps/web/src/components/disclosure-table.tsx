import type { DisclosureKind } from "@caseward/core/schemas";
import { channelKindLabels, disclosureKindLabels } from "@caseward/core/schemas";
import { EmptyState } from "@caseward/ui";
import { ShieldCheck } from "lucide-react";
import Link from "next/link";

import { useClock } from "~/lib/time";

export interface DisclosureRow {
  id: string;
  kind: DisclosureKind;
  asked: boolean;
  reason: string | null;
  detail: string | null;
  disclosedAt: Date;
  channelKind: keyof typeof channelKindLabels;
  channelValue: string | null;
  caseId: string;
  caseTitle: string;
  companyId: string;
  companyName: string;
}

/** Ledger rows: what was given, when, on which channel, asked or volunteered, and why. */
export function DisclosureTable({
  entries,
  show,
  empty,
}: {
  entries: readonly DisclosureRow[];
  /** The column that links out: the case (on a company's pages) or the company (across companies). */
  show: "case" | "company";
  empty: string;
}) {
  const clock = useClock();
  if (entries.length === 0) {
    return <EmptyState icon={<ShieldCheck aria-hidden className="size-6" />} title={empty} />;
  }
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <thead className="text-xs text-muted-foreground">
          <tr>
            <th className="py-1 pr-3 font-medium">What</th>
            <th className="py-1 pr-3 font-medium">When and how</th>
            <th className="py-1 pr-3 font-medium">{show === "case" ? "Case" : "Company"}</th>
            <th className="py-1 font-medium">Why</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-border">
          {entries.map((e) => (
            <tr key={e.id} className="align-top break-inside-avoid">
              <td className="py-2 pr-3">
                <span className="font-medium">{disclosureKindLabels[e.kind]}</span>
                {e.detail && <span className="block text-muted-foreground">{e.detail}</span>}
              </td>
              <td className="py-2 pr-3 whitespace-nowrap">
                {clock.dateTime(e.disclosedAt)}
                <span className="block text-muted-foreground">
                  {channelKindLabels[e.channelKind]}
                  {e.channelValue ? `: ${e.channelValue}` : ""}
                </span>
              </td>
              <td className="py-2 pr-3">
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
              <td className="py-2">
                {e.asked ? "They asked" : "I offered it"}
                {e.reason && <span className="block text-muted-foreground">“{e.reason}”</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
