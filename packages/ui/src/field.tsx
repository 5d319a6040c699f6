import { CircleAlert } from "lucide-react";
import type { ReactNode } from "react";
import { cn } from "./cn";
import { Label } from "./label";

export interface FieldProps {
  label: ReactNode;
  /** The control's id; the hint and error get `${htmlFor}-hint` / `${htmlFor}-error`. */
  htmlFor: string;
  error?: string | undefined;
  hint?: ReactNode;
  required?: boolean;
  className?: string;
  children: ReactNode;
}

/**
 * Label, hint, control and error in one column. The control itself stays in the caller's
 * hands, so spread `fieldAria(id, error, hint !== undefined)` on it to link the messages.
 */
export function Field({ label, htmlFor, error, hint, required, className, children }: FieldProps) {
  return (
    <div className={cn("grid gap-1.5", className)}>
      <Label htmlFor={htmlFor}>
        {label}
        {required && (
          <span aria-hidden className="ml-0.5 text-danger">
            *
          </span>
        )}
      </Label>
      {hint !== undefined && (
        <p id={`${htmlFor}-hint`} className="text-[13px] text-muted-foreground">
          {hint}
        </p>
      )}
      {children}
      {error && <FieldError id={`${htmlFor}-error`}>{error}</FieldError>}
    </div>
  );
}

/** A field's message, for a group of controls that no single `<Field>` holds (checkboxes). */
export function FieldError({ id, children }: { id: string; children: ReactNode }) {
  return (
    <p
      id={id}
      role="alert"
      className="flex items-start gap-1.5 text-[13px] font-medium text-danger"
    >
      <CircleAlert aria-hidden className="mt-px size-3.5 shrink-0" />
      {children}
    </p>
  );
}

export interface FieldAriaProps {
  "aria-invalid"?: true;
  "aria-describedby"?: string;
}

/** Props for the control inside a `<Field>`: marks it invalid and points at hint/error text. */
export function fieldAria(id: string, error: string | undefined, hasHint = false): FieldAriaProps {
  const describedBy = [hasHint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(" ");
  return {
    ...(error ? { "aria-invalid": true as const } : {}),
    ...(describedBy ? { "aria-describedby": describedBy } : {}),
  };
}
