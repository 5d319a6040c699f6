import { ChevronDown } from "lucide-react";
import type { ComponentProps } from "react";
import { cn } from "./cn";
import { controlBase } from "./focus-ring";

export interface NativeSelectProps extends ComponentProps<"select"> {
  /** Classes for the wrapper (width, margins); `className` styles the `<select>` itself. */
  wrapperClassName?: string;
}

/** A real `<select>`: native keyboard, mobile pickers and form posting for free. */
export function NativeSelect({
  className,
  wrapperClassName,
  children,
  ...props
}: NativeSelectProps) {
  return (
    <div className={cn("relative w-full", wrapperClassName)}>
      <select
        className={cn(controlBase, "h-9 appearance-none py-1 pr-9 pl-3", className)}
        {...props}
      >
        {children}
      </select>
      <ChevronDown
        aria-hidden
        className="pointer-events-none absolute top-1/2 right-3 size-4 -translate-y-1/2 text-muted-foreground"
      />
    </div>
  );
}
