import type { CaseListRow } from "@caseward/core";
import { casePriorityLabels, deadlineLabels } from "@caseward/core/schemas";
import { Badge, cn } from "@caseward/ui";
import { ChevronRight, TriangleAlert } from "lucide-react";
import Link from "next/link";

import { CaseStatusBadge } from "~/components/badges";
import { useClock, useTimeAgo } from "~/lib/time";
import { MatchSnippet } from "./match-snippet";

/** One case on the dashboard: what, with whom, where it stands and since when. */
export function CaseRow({ item }: { item: CaseListRow }) {
  const clock = useClock();
  const ago = useTimeAgo();
  const deadline = item.nextDeadline;
  const facts = [
    item.company.name,
    item.lastContactAt
      ? `Last contact ${ago(item.lastContactAt)}`
      : `No contact yet, opened ${ago(item.createdAt)}`,
    item.priority === "low" && `${casePriorityLabels.low} priority`,
  ].filter(Boolean);
  return (
    <Link
      href={`/cases/${item.id}`}
      className="flex items-center gap-3 px-4 py-3 transition-colors hover:bg-muted/60 focus-visible:bg-muted/60 focus-visible:outline-none"
    >
      <div className="min-w-0 flex-1 space-y-1">
        {/* On a phone the badges go under the title, so the title keeps the whole width. */}
        <div className="flex flex-col gap-1.5 sm:flex-row sm:items-start sm:justify-between sm:gap-4">
          <p className="line-clamp-2 font-medium sm:truncate">{item.title}</p>
          <div className="flex flex-wrap items-center gap-1.5 sm:shrink-0">
            {item.flaggedAt && (
              <Badge variant="danger">
                <TriangleAlert aria-hidden className="size-3" /> Red flag
              </Badge>
            )}
            {item.priority === "high" && (
              <Badge variant="warning">{casePriorityLabels.high} priority</Badge>
            )}
            <CaseStatusBadge status={item.status} />
          </div>
        </div>
        <p className="text-sm text-pretty text-muted-foreground">{facts.join(" · ")}</p>
        {deadline && (
          <p
            className={cn(
              "text-sm text-pretty",
              deadline.countdown.passed && deadline.countdown.measure === "business"
                ? "text-danger"
                : "text-muted-foreground",
            )}
          >
            {deadlineLabels[deadline.kind]}:{" "}
            <time dateTime={deadline.dueAt.toISOString()}>
              {clock.countdown(deadline.countdown)}
            </time>
          </p>
        )}
        {item.match && <MatchSnippet match={item.match} />}
      </div>
      <ChevronRight aria-hidden className="size-4 shrink-0 text-muted-foreground" />
    </Link>
  );
}
