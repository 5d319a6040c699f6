import type { ComponentProps } from "react";
import { cn } from "./cn";

/** A plain `<label>`: no client JS needed, so forms stay server-renderable. */
export function Label({ className, ...props }: ComponentProps<"label">) {
  return (
    <label
      className={cn(
        "text-sm leading-none font-medium text-foreground peer-disabled:cursor-not-allowed peer-disabled:opacity-60",
        className,
      )}
      {...props}
    />
  );
}
