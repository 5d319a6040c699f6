import { LoaderCircle } from "lucide-react";
import { cn } from "./cn";

export interface SpinnerProps {
  /** Announced to screen readers. Omit when the spinner is decorative (e.g. inside a busy button). */
  label?: string;
  className?: string;
}

export function Spinner({ label, className }: SpinnerProps) {
  const icon = (
    <LoaderCircle aria-hidden className={cn("size-4 shrink-0 animate-spin", className)} />
  );
  if (!label) return icon;
  return (
    <span role="status" className="inline-flex items-center">
      {icon}
      <span className="sr-only">{label}</span>
    </span>
  );
}
