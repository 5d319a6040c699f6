import { cn } from "@caseward/ui";
import { CircleAlert } from "lucide-react";

import { useTranslations } from "~/i18n/translations";
import type { FieldErrors } from "~/lib/form";

/**
 * Beside the Save button after a refused save: why nothing was saved, in the fields' own
 * sentences, so a user at the bottom of a long form is never left with a button that did
 * nothing. Focused when no field is marked (`focusFirstInvalid`).
 */
export function FormErrorSummary({
  errors,
  className,
  fieldName,
}: {
  errors: FieldErrors;
  className?: string;
  /** Where a message belongs when the same words can fail on several fields ("Question 4"). */
  fieldName?: (field: string) => string | undefined;
}) {
  // Forms is in every client message provider (~/i18n/client-messages): this sits in many pages.
  const t = useTranslations("Forms");
  const general = errors._form?.[0];
  const fieldMessages = Object.entries(errors)
    .filter(([field]) => field !== "_form")
    .map(([field, messages]) => {
      const name = fieldName?.(field);
      return messages?.[0] && name ? `${name}: ${messages[0]}` : messages?.[0];
    })
    .filter((message): message is string => Boolean(message));
  if (!general && fieldMessages.length === 0) return null;
  const shown = fieldMessages.slice(0, 3);
  return (
    <div
      role="alert"
      tabIndex={-1}
      data-form-summary
      className={cn("flex items-start gap-2 text-sm text-danger outline-none", className)}
    >
      <CircleAlert aria-hidden className="mt-0.5 size-4 shrink-0" />
      <div className="min-w-0">
        <p className="font-medium">{general ?? t("notSaved", { count: fieldMessages.length })}</p>
        {shown.length > 0 && (
          <ul className="mt-0.5 list-disc pl-4 text-[13px]">
            {shown.map((message, index) => (
              <li key={index}>{message}</li>
            ))}
            {fieldMessages.length > shown.length && (
              <li>{t("andMore", { count: fieldMessages.length - shown.length })}</li>
            )}
          </ul>
        )}
      </div>
    </div>
  );
}
