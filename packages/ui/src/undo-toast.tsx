"use client";

import { X } from "lucide-react";
import type { ReactNode } from "react";
import { createContext, use, useCallback, useEffect, useMemo, useRef, useState } from "react";

import { Button } from "./button";
import { cn } from "./cn";
import { useUiText } from "./ui-text";

// One way to delete the small things of a case (a question, a disclosure, a red flag, a file):
// at once on screen, for real only when the toast's time is up. "Undo" before then keeps it:
// nothing was sent. Kinder than a confirmation on a phone held during a call.

export interface UndoableDelete {
  /** The deleted thing's id: hidden (`isPending`) until the delete is done or undone. */
  id: string;
  /** What was deleted, as the toast says it: "Question deleted." */
  message: string;
  /**
   * Deletes it for real. `leavingPage`: the page is going away (closed, reloaded, signed out),
   * so the request must survive it (a `keepalive` fetch) and nothing needs refreshing.
   * Rejects with an Error whose message the user can read.
   */
  commit: (options: { leavingPage: boolean }) => Promise<void>;
}

interface Toast {
  key: number;
  message: string;
  tone: "default" | "danger";
  /** Set for a delete that can still be undone. */
  action?: UndoableDelete;
  expiresAt: number;
}

interface UndoContextValue {
  /** Hides the thing now and deletes it when the toast's time is up, unless undone. */
  deleteWithUndo: (action: UndoableDelete) => void;
  /** Whether this id is deleted on screen (waiting, or being deleted). */
  isPending: (id: string) => boolean;
  /** Shows a short message (a company deleted, an error). */
  notify: (message: string, tone?: "default" | "danger") => void;
  /** Does every waiting delete now, e.g. before signing out. */
  flush: () => Promise<void>;
}

const UndoContext = createContext<UndoContextValue | null>(null);

/** Seconds to undo: long enough to read and reach the button on a phone (WCAG 2.2.1: it pauses). */
export const undoSeconds = 8;
const messageSeconds = 6;

export function UndoProvider({
  children,
  seconds = undoSeconds,
}: {
  children: ReactNode;
  /** How long a delete can be undone (tests shorten it). */
  seconds?: number;
}) {
  const text = useUiText();
  const [toasts, setToasts] = useState<Toast[]>([]);
  const [pending, setPending] = useState<ReadonlySet<string>>(new Set());
  const [pausedAt, setPausedAt] = useState<number | null>(null);
  const nextKey = useRef(1);
  // The toasts as the event handlers see them (pagehide, unmount) without re-subscribing.
  const current = useRef(toasts);
  useEffect(() => {
    current.current = toasts;
  }, [toasts]);

  const unhide = useCallback((id: string) => {
    setPending((ids) => {
      const next = new Set(ids);
      next.delete(id);
      return next;
    });
  }, []);

  const notify = useCallback((message: string, tone: Toast["tone"] = "default") => {
    const key = nextKey.current++;
    setToasts((list) => [
      ...list,
      { key, message, tone, expiresAt: Date.now() + messageSeconds * 1000 },
    ]);
  }, []);

  const commit = useCallback(
    async (action: UndoableDelete, leavingPage: boolean) => {
      try {
        await action.commit({ leavingPage });
      } catch (error) {
        if (!leavingPage) {
          notify(
            text.notDone(action.message, error instanceof Error ? error.message : undefined),
            "danger",
          );
        }
      } finally {
        unhide(action.id);
      }
    },
    [notify, unhide, text],
  );

  // Pending ids as handlers see them: a second tap on Delete does not delete twice.
  const pendingIds = useRef(pending);
  useEffect(() => {
    pendingIds.current = pending;
  }, [pending]);

  const deleteWithUndo = useCallback(
    (action: UndoableDelete) => {
      if (pendingIds.current.has(action.id)) return;
      pendingIds.current = new Set(pendingIds.current).add(action.id);
      const key = nextKey.current++;
      setPending((ids) => new Set(ids).add(action.id));
      setToasts((list) => [
        ...list,
        {
          key,
          message: action.message,
          tone: "default",
          action,
          expiresAt: Date.now() + seconds * 1000,
        },
      ]);
    },
    [seconds],
  );

  const undo = useCallback(
    (toast: Toast) => {
      setToasts((list) => list.filter((t) => t.key !== toast.key));
      if (toast.action) unhide(toast.action.id);
    },
    [unhide],
  );

  const expire = useCallback(
    (keys: ReadonlySet<number>, leavingPage: boolean) => {
      const due = current.current.filter((t) => keys.has(t.key));
      setToasts((list) => list.filter((t) => !keys.has(t.key)));
      return Promise.all(due.flatMap((t) => (t.action ? [commit(t.action, leavingPage)] : [])));
    },
    [commit],
  );

  const flush = useCallback(async () => {
    const waiting = current.current.filter((t) => t.action).map((t) => t.key);
    await expire(new Set(waiting), false);
  }, [expire]);

  // A pause belongs to the toasts on screen. When the last one goes (Undo clicked), the focus
  // or pointer that paused it may leave no blur or pointerleave behind: the next toast would
  // otherwise never end.
  if (toasts.length === 0 && pausedAt !== null) setPausedAt(null);

  // The earliest toast ends on time, unless the user is reading or pointing at one.
  useEffect(() => {
    if (pausedAt !== null || toasts.length === 0) return;
    const first = Math.min(...toasts.map((t) => t.expiresAt));
    const timer = setTimeout(
      () => {
        const now = Date.now();
        void expire(new Set(toasts.filter((t) => t.expiresAt <= now).map((t) => t.key)), false);
      },
      Math.max(0, first - Date.now()),
    );
    return () => clearTimeout(timer);
  }, [toasts, pausedAt, expire]);

  // A page closed, reloaded or left with a delete waiting: it is done, as the screen showed.
  const expireRef = useRef(expire);
  useEffect(() => {
    expireRef.current = expire;
  }, [expire]);
  useEffect(() => {
    const leave = () => {
      const waiting = current.current.filter((t) => t.action).map((t) => t.key);
      if (waiting.length > 0) void expireRef.current(new Set(waiting), true);
    };
    window.addEventListener("pagehide", leave);
    return () => {
      window.removeEventListener("pagehide", leave);
      leave();
    };
  }, []);

  const pause = () => setPausedAt((at) => at ?? Date.now());
  const resume = () => {
    if (pausedAt === null) return;
    const paused = Date.now() - pausedAt;
    setToasts((list) => list.map((t) => ({ ...t, expiresAt: t.expiresAt + paused })));
    setPausedAt(null);
  };

  const isPending = useCallback((id: string) => pending.has(id), [pending]);
  const value = useMemo(
    () => ({ deleteWithUndo, isPending, notify, flush }),
    [deleteWithUndo, isPending, notify, flush],
  );

  return (
    <UndoContext value={value}>
      {children}
      <section
        aria-label={text.notifications}
        className="pointer-events-none fixed inset-x-0 bottom-0 z-50 flex justify-center p-4 pb-[max(1rem,env(safe-area-inset-bottom))]"
      >
        <ol
          aria-live="polite"
          className="pointer-events-auto grid w-full max-w-md gap-2"
          onPointerEnter={pause}
          onPointerLeave={resume}
          onFocus={pause}
          onBlur={(event) => {
            if (!event.currentTarget.contains(event.relatedTarget)) resume();
          }}
        >
          {toasts.map((toast) => (
            <li
              key={toast.key}
              className={cn(
                "relative flex items-center gap-3 overflow-hidden rounded-lg border bg-card py-2 pr-2 pl-4 text-sm text-card-foreground shadow-lg motion-safe:animate-dialog-in",
                toast.tone === "danger" ? "border-danger/40" : "border-border",
              )}
            >
              <p className={cn("min-w-0 flex-1", toast.tone === "danger" && "text-danger")}>
                {toast.message}
              </p>
              {toast.action ? (
                <Button size="sm" variant="outline" onClick={() => undo(toast)}>
                  {text.undo}
                </Button>
              ) : (
                <Button
                  size="icon"
                  variant="ghost"
                  className="size-8"
                  aria-label={text.dismiss}
                  onClick={() => void expire(new Set([toast.key]), false)}
                >
                  <X aria-hidden />
                </Button>
              )}
              {toast.action && (
                <span
                  aria-hidden
                  className="absolute inset-x-0 bottom-0 h-0.5 origin-left bg-primary/60 motion-reduce:hidden"
                  style={{
                    animation: `countdown ${seconds}s linear forwards`,
                    animationPlayState: pausedAt === null ? "running" : "paused",
                  }}
                />
              )}
            </li>
          ))}
        </ol>
      </section>
    </UndoContext>
  );
}

/** The delete-with-undo of the page (inside `UndoProvider`). */
export function useUndo(): UndoContextValue {
  const value = use(UndoContext);
  if (!value) throw new Error("useUndo needs an UndoProvider above it.");
  return value;
}
