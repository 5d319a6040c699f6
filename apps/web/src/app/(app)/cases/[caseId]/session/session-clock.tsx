"use client";

import { Timer } from "lucide-react";
import { useEffect, useState } from "react";

const pad = (n: number) => String(n).padStart(2, "0");

/** Time since the session opened, ticking every second. */
export function SessionClock({ startedAt }: { startedAt: Date }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  const seconds = Math.max(0, Math.floor((now - startedAt.getTime()) / 1000));
  const text = `${seconds >= 3600 ? `${Math.floor(seconds / 3600)}:` : ""}${pad(Math.floor(seconds / 60) % 60)}:${pad(seconds % 60)}`;
  return (
    <div className="flex items-center gap-2 rounded-lg border border-border bg-card px-3 py-2">
      <Timer aria-hidden className="size-4 text-primary" />
      <span className="text-xs text-muted-foreground">
        Started {startedAt.toLocaleTimeString(undefined, { hour: "2-digit", minute: "2-digit" })}
      </span>
      <span
        role="timer"
        aria-label="Time in this contact"
        className="font-mono text-lg font-semibold tabular-nums"
      >
        {text}
      </span>
    </div>
  );
}
