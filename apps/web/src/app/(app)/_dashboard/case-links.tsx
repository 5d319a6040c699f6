"use client";

import { useRouter } from "next/navigation";
import type { ReactNode } from "react";
import { useEffect, useRef } from "react";

/**
 * The dashboard's rows are plain links written on the server; this one island makes a click on
 * any of them a navigation inside the app, as `next/link` does, without a client component per
 * row (80 of them were hydrated on every load of the dashboard). A click with a modifier key, or
 * before the page is hydrated, is the browser's own.
 */
export function CaseLinks({ className, children }: { className?: string; children: ReactNode }) {
  const router = useRouter();
  const list = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = list.current;
    if (!element) return;
    const navigate = (event: MouseEvent) => {
      if (event.defaultPrevented || event.button !== 0) return;
      if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const link = event.target instanceof Element ? event.target.closest("a") : null;
      const href = link?.getAttribute("href");
      if (!href?.startsWith("/") || link?.target) return;
      event.preventDefault();
      router.push(href);
    };
    element.addEventListener("click", navigate);
    return () => element.removeEventListener("click", navigate);
  }, [router]);
  return (
    <div ref={list} className={className}>
      {children}
    </div>
  );
}
