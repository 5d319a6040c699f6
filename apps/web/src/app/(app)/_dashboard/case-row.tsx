import type { BusinessCalendar, CaseListRow } from "@caseward/core";
import { countdownOf } from "@caseward/core";
import { Badge, cn } from "@caseward/ui";
import { getTranslations } from "next-intl/server";

import { CaseStatusLabel } from "~/components/badges";
import { TriangleAlertIcon } from "~/components/plain-icons";
import type { ServerClock } from "~/server/user-clock";
import { MatchSnippet } from "./match-snippet";

type DashboardT = Awaited<ReturnType<typeof getTranslations<"Dashboard">>>;

/**
 * One case on the dashboard: what, with whom, where it stands and since when. Its classes are
 * named in globals.css (`case-row…`), its chevron drawn there: a row is written twice in the
 * page's HTML, forty times.
 */
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
    <a href={`/cases/${item.id}`} className="case-row">
      <div className="case-row-text">
        <div className="case-row-head">
          <p className="case-row-title">{item.title}</p>
          <div className="case-row-badges">
            {item.flagged && (
              <Badge variant="danger">
                <TriangleAlertIcon aria-hidden className="size-3" /> {t("redFlag")}
              </Badge>
            )}
            {item.priority === "high" && <Badge variant="warning">{t("priority.high")}</Badge>}
            <CaseStatusLabel status={item.status} label={vocabulary(`caseStatus.${item.status}`)} />
          </div>
        </div>
        <p className="case-row-line text-muted-foreground">{facts.join(" · ")}</p>
        {deadline && countdown && (
          <p
            className={cn(
              "case-row-line",
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
    </a>
  );
}
