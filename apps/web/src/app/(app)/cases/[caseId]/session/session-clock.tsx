"use client";

import { Timer } from "lucide-react";
import { useSyncExternalStore } from "react";

import { useTranslations } from "~/i18n/translations";
import { useClock } from "~/lib/time";

const pad = (n: number) => String(n).padStart(2, "0");
const everySecond = (onChange: () => void) => {
  const timer = window.setInterval(onChange, 1000);
  return () => window.clearInterval(timer);
};
const currentSecond = () => Math.floor(Date.now() / 1000) * 1000;
// The server and the hydrating browser render at different instants (and the draft's start is
// restored from this browser only after hydration): both write no time, then it ticks.
const beforeHydration = () => null;

/** Time since the session opened, ticking every second; the start on the user's clock. */
export function SessionClock({ startedAt }: { startedAt: Date }) {
  const t = useTranslations("ContactSession");
  const clock = useClock();
  const now = useSyncExternalStore(everySecond, currentSecond, beforeHydration);
  const seconds = now === null ? 0 : Math.max(0, Math.floor((now - startedAt.getTime()) / 1000));
  const text = `${seconds >= 3600 ? `${Math.floor(seconds / 3600)}:` : ""}${pad(Math.floor(seconds / 60) % 60)}:${pad(seconds % 60)}`;
  return (
    <div className="flex items-center gap-2 rounded-lg border border-border bg-card px-3 py-2">
      <Timer aria-hidden className="size-4 text-primary" />
      <span className="text-xs text-muted-foreground">
        {t("started")}{" "}
        {now === null ? (
          "…"
        ) : (
          <time dateTime={startedAt.toISOString()}>{clock.time(startedAt)}</time>
        )}
      </span>
      <span
        role="timer"
        aria-label={t("timeInContact")}
        className="font-mono text-lg font-semibold tabular-nums"
      >
        {text}
      </span>
    </div>
  );
}
