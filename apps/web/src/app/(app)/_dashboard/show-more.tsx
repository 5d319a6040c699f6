"use client";

import { Button } from "@caseward/ui";
import { useRouter } from "next/navigation";
import { useTransition } from "react";

/**
 * "Show more" in a group: the same dashboard listing more of it. A transition: the list stays
 * on screen while the longer one loads, and the page does not scroll.
 */
export function ShowMoreButton({
  href,
  label,
  fullLabel,
}: {
  href: string;
  label: string;
  fullLabel: string;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <Button
      variant="ghost"
      size="sm"
      loading={pending}
      aria-label={fullLabel}
      onClick={() => startTransition(() => router.replace(href, { scroll: false }))}
    >
      {label}
    </Button>
  );
}
