import type { BusinessCalendar, CaseListRow } from "@caseward/core";
import { countdownOf } from "@caseward/core";
import { Badge, cn } from "@caseward/ui";
import { getTranslations } from "next-intl/server";

import { CaseStatusBadge } from "~/components/badges";
import { ChevronRightIcon, TriangleAlertIcon } from "~/components/plain-icons";
import type { ServerClock } from "~/server/user-clock";
import { MatchSnippet } from "./match-snippet";

type DashboardT = Awaited<ReturnType<typeof getTranslations<"Dashboard">>>;

/** One case on the dashboard: what, with whom, where it stands and since when. */
export async function CaseRow({
  item,
  companyName,
  clock,
  calendar,
  now,
  t,
}: {
  item: CaseListRow;
  companyName: string;
  clock: ServerClock;
  /** The user's business calendar and the moment of the render, for the countdown. */
  calendar: BusinessCalendar;
  now: Date;
  t: DashboardT;
}) {
  const vocabulary = await getTranslations("Vocabulary");
  const deadline = item.nextDeadline && {
    kind: item.nextDeadline.kind,
    dueAt: new Date(item.nextDeadline.dueAt),
  };
  const countdown = deadline && countdownOf(deadline, calendar, now);
  const facts = [
    companyName,
    item.lastContactAt !== null
      ? t("lastContact", { ago: clock.ago(new Date(item.lastContactAt)) })
      : t("noContactYet", { ago: clock.ago(new Date(item.createdAt)) }),
    item.priority === "low" && t("priority.low"),
  ].filter(Boolean);
  return (
    // A plain link: `CaseLinks` makes its click a navigation inside the app.
    <a
      href={`/cases/${item.id}`}
      className="flex items-center gap-3 px-4 py-3 transition-colors hover:bg-muted/60 focus-visible:bg-muted/60 focus-visible:outline-none"
    >
      <div className="min-w-0 flex-1 space-y-1">
        {/* On a phone the badges go under the title, so the title keeps the whole width. */}
        <div className="flex flex-col gap-1.5 sm:flex-row sm:items-start sm:justify-between sm:gap-4">
          <p className="line-clamp-2 font-medium sm:truncate">{item.title}</p>
          <div className="flex flex-wrap items-center gap-1.5 sm:shrink-0">
            {item.flagged && (
              <Badge variant="danger">
                <TriangleAlertIcon aria-hidden className="size-3" /> {t("redFlag")}
              </Badge>
            )}
            {item.priority === "high" && <Badge variant="warning">{t("priority.high")}</Badge>}
            <CaseStatusBadge status={item.status} />
          </div>
        </div>
        <p className="text-sm text-pretty text-muted-foreground">{facts.join(" · ")}</p>
        {deadline && countdown && (
          <p
            className={cn(
              "text-sm text-pretty",
              countdown.passed && countdown.measure === "business"
                ? "text-danger"
                : "text-muted-foreground",
            )}
          >
            {t.rich("deadline", {
              deadline: vocabulary(`deadline.${deadline.kind}`),
              countdown: clock.countdown(countdown),
              when: (chunks) => <time dateTime={deadline.dueAt.toISOString()}>{chunks}</time>,
            })}
          </p>
        )}
        {item.match && <MatchSnippet match={item.match} t={t} />}
      </div>
      <ChevronRightIcon aria-hidden className="size-4 shrink-0 text-muted-foreground" />
    </a>
  );
}
