import { Check } from "lucide-react";
import type { ComponentProps } from "react";
import { cn } from "./cn";
import { focusRing } from "./focus-ring";

export type CheckboxProps = Omit<ComponentProps<"input">, "type">;

/** A native checkbox (works in forms without JS), restyled; the tick is drawn over it. */
export function Checkbox({ className, ...props }: CheckboxProps) {
  return (
    <span className={cn("relative inline-flex size-4 shrink-0", className)}>
      <input
        type="checkbox"
        className={cn(
          "peer size-4 appearance-none rounded-[4px] border border-input bg-card shadow-xs transition-colors checked:border-primary checked:bg-primary disabled:cursor-not-allowed disabled:opacity-50 aria-invalid:border-danger",
          focusRing,
        )}
        {...props}
      />
      <Check
        aria-hidden
        strokeWidth={3}
        className="pointer-events-none absolute inset-0 m-auto size-3 text-primary-foreground opacity-0 peer-checked:opacity-100"
      />
    </span>
  );
}
