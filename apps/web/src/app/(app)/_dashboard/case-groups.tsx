import type { CaseGroup, CaseList } from "@caseward/core";
import { Button, Card } from "@caseward/ui";
import { Ban, CircleAlert, CircleCheck, Hourglass, Reply } from "lucide-react";

import { CaseRow } from "./case-row";

interface Section {
  group: CaseGroup;
  title: string;
  description: string;
  empty: string;
  icon: React.ReactNode;
}

const openSections: Section[] = [
  {
    group: "needs_attention",
    title: "Needs attention",
    description: "Escalations that are due, and cases waiting for their first contact.",
    empty: "Nothing needs you right now.",
    icon: <CircleAlert aria-hidden className="size-4 text-danger" />,
  },
  {
    group: "waiting_company",
    title: "Waiting on company",
    description: "Your move is made. Caseward tells you when a company goes quiet.",
    empty: "No company owes you an answer.",
    icon: <Hourglass aria-hidden className="size-4 text-info" />,
  },
  {
    group: "waiting_me",
    title: "Waiting on me",
    description: "The company answered or asked for something.",
    empty: "Nothing is waiting on you.",
    icon: <Reply aria-hidden className="size-4 text-warning" />,
  },
];

const closedSections: Section[] = [
  {
    group: "resolved",
    title: "Resolved",
    description: "Solved, newest first.",
    empty: "Cases you resolve end up here.",
    icon: <CircleCheck aria-hidden className="size-4 text-success" />,
  },
  {
    group: "abandoned",
    title: "Abandoned",
    description: "Cases you gave up on, newest first.",
    empty: "Cases you give up on end up here.",
    icon: <Ban aria-hidden className="size-4 text-muted-foreground" />,
  },
];

/** How many more "Show more" lists at a time. */
export const morePerClick = 20;

/**
 * The dashboard's groups: the three open ones in one list, then the closed ones. Each lists its
 * first cases with the count of all; `onShowMore` asks for the next ones of a group.
 */
export function CaseGroups({
  list,
  filtered,
  searched,
  onShowMore,
  loadingMore,
}: {
  list: CaseList;
  /** Any filter or search: an empty group then says nothing rather than explain itself. */
  filtered: boolean;
  /** A search: groups list their best matches first. */
  searched: boolean;
  onShowMore: (group: CaseGroup, shown: number) => void;
  /** The group whose next cases are on their way. */
  loadingMore: CaseGroup | null;
}) {
  const props = { list, filtered, searched, onShowMore, loadingMore };
  return (
    <div className="space-y-8">
      <ul aria-label="Open cases" className="space-y-8">
        {openSections.map((section) => (
          <li key={section.group}>
            <GroupSection section={section} {...props} />
          </li>
        ))}
      </ul>
      <ul aria-label="Closed cases" className="space-y-8">
        {closedSections.map((section) => (
          <li key={section.group}>
            <GroupSection section={section} {...props} />
          </li>
        ))}
      </ul>
    </div>
  );
}

function GroupSection({
  section: { group, title, description, empty, icon },
  list,
  filtered,
  searched,
  onShowMore,
  loadingMore,
}: {
  section: Section;
  list: CaseList;
  filtered: boolean;
  searched: boolean;
  onShowMore: (group: CaseGroup, shown: number) => void;
  loadingMore: CaseGroup | null;
}) {
  const rows = list.groups[group];
  const count = list.counts[group];
  const more = Math.min(morePerClick, count - rows.length);
  const headingId = `group-${group}`;
  return (
    <section aria-labelledby={headingId} className="space-y-3">
      <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
        <h2
          id={headingId}
          className="flex items-center gap-2 text-base font-semibold tracking-tight"
        >
          {icon}
          {title}
          <span className="rounded-full bg-muted px-2 py-0.5 text-xs font-medium text-muted-foreground tabular-nums">
            {count}
            <span className="sr-only"> {count === 1 ? "case" : "cases"}</span>
          </span>
        </h2>
        <p className="text-sm text-muted-foreground">
          {searched && rows.length < count ? "Best matches first." : description}
        </p>
      </div>
      {rows.length === 0 ? (
        !filtered && (
          <p className="rounded-xl border border-dashed border-border px-4 py-3 text-sm text-muted-foreground">
            {empty}
          </p>
        )
      ) : (
        <Card className="overflow-hidden p-0">
          <ul aria-label={title} className="divide-y divide-border">
            {rows.map((item) => (
              <li key={item.id}>
                <CaseRow item={item} />
              </li>
            ))}
          </ul>
          {more > 0 && (
            <div className="flex flex-wrap items-center justify-between gap-2 border-t border-border px-4 py-2">
              <p className="text-sm text-muted-foreground tabular-nums">
                Showing {rows.length} of {count}
              </p>
              <Button
                variant="ghost"
                size="sm"
                loading={loadingMore === group}
                aria-label={`Show ${more} more in ${title}`}
                onClick={() => onShowMore(group, rows.length + more)}
              >
                Show {more} more
              </Button>
            </div>
          )}
        </Card>
      )}
    </section>
  );
}
