"use client";

import type { ReactNode } from "react";
import { useCallback, useEffect, useRef, useState } from "react";

import { usePreloadWhenIdle } from "~/lib/preload";

/**
 * A part of the session far down a phone's screen (the disclosures, the warning signs): not in
 * the first load. It is rendered once the page has settled, as it nears the screen, or at once
 * when the draft needs it (text to scan, a disclosure already noted); until then an empty
 * placeholder holds its place.
 */
export function DeferredPart({
  load,
  needed,
  className,
  children,
}: {
  load: () => Promise<unknown>;
  needed: boolean;
  className: string;
  children: ReactNode;
}) {
  const [near, setNear] = useState(false);
  const placeholder = useRef<HTMLDivElement>(null);
  usePreloadWhenIdle(useCallback(() => load().then(() => setNear(true)), [load]));
  useEffect(() => {
    const element = placeholder.current;
    if (!element) return;
    const observer = new IntersectionObserver(
      (entries) => entries.some((entry) => entry.isIntersecting) && setNear(true),
      { rootMargin: "600px 0px" },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  if (near || needed) return children;
  return <div ref={placeholder} className={className} />;
}
