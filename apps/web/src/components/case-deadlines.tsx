import type { TimerKind } from "@caseward/core/schemas";
import type { Countdown } from "@caseward/core/time";
import { getTranslations } from "next-intl/server";

import { CalendarClockIcon } from "~/components/plain-icons";
import { getUserClock } from "~/server/user-clock";
import { ResponseWindowForm } from "./response-window-form";

interface Deadline {
  id: string;
  kind: TimerKind;
  dueAt: Date;
  countdown: Countdown;
}

/**
 * The case's pending deadlines, counted in business time, and how long the company gets on this
 * case (what to do about them is on the status line).
 */
export async function CaseDeadlines({
  caseId,
  deadlines,
  responseWindowDays,
}: {
  caseId: string;
  responseWindowDays: number | null;
  deadlines: Deadline[];
}) {
  const [t, vocabulary, clock] = await Promise.all([
    getTranslations("CaseDeadlines"),
    getTranslations("Vocabulary"),
    getUserClock(),
  ]);
  return (
    <section aria-label={t("label")} className="space-y-3">
      {deadlines.length > 0 && (
        <ul className="space-y-2">
          {deadlines.map((deadline) => (
            <li
              key={deadline.id}
              className="flex items-start gap-3 rounded-lg border border-border bg-card p-3 text-sm"
            >
              <CalendarClockIcon aria-hidden className="mt-0.5 size-4 shrink-0 text-primary" />
              <div>
                <p className="font-medium">{vocabulary(`deadline.${deadline.kind}`)}</p>
                <p
                  className={
                    deadline.countdown.passed && deadline.countdown.measure === "business"
                      ? "text-danger"
                      : "text-muted-foreground"
                  }
                >
                  <time dateTime={deadline.dueAt.toISOString()}>
                    {clock.countdown(deadline.countdown)}
                  </time>
                </p>
              </div>
            </li>
          ))}
        </ul>
      )}
      <ResponseWindowForm caseId={caseId} days={responseWindowDays} />
    </section>
  );
}
