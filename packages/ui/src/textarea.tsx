import type { ComponentProps } from "react";
import { cn } from "./cn";
import { controlBase } from "./focus-ring";

export function Textarea({ className, rows = 4, ...props }: ComponentProps<"textarea">) {
  return (
    <textarea
      rows={rows}
      className={cn(controlBase, "min-h-20 px-3 py-2 leading-relaxed", className)}
      {...props}
    />
  );
}
