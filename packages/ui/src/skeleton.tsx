import type { ComponentProps } from "react";
import { cn } from "./cn";

/** Placeholder shape; hidden from assistive tech — mark the loading region `aria-busy` instead. */
export function Skeleton({ className, ...props }: ComponentProps<"div">) {
  return (
    <div
      aria-hidden
      className={cn("animate-pulse rounded-md bg-muted dark:bg-accent", className)}
      {...props}
    />
  );
}
