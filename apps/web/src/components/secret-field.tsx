"use client";

import { maskSecret } from "@caseward/core/schemas";
import { Button, Field, fieldAria, Input, Textarea } from "@caseward/ui";

import { useTranslations } from "~/i18n/translations";

/**
 * A free-text field of the session. When the server refused a full card or id number in it,
 * it offers to keep only the last digits instead of making the user retype.
 */
export function SecretField({
  id,
  label,
  value,
  onChange,
  error,
  hint,
  multiline,
  rows,
  disabled,
  maxLength,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  hint?: string;
  multiline?: boolean;
  rows?: number;
  disabled?: boolean;
  /** The server's limit (`maxLengthsOf` the field's schema). */
  maxLength?: number;
}) {
  const t = useTranslations("Forms");
  const masked = error ? maskSecret(value) : value;
  const aria = fieldAria(id, error, Boolean(hint));
  return (
    <Field label={label} htmlFor={id} error={error} hint={hint}>
      {multiline ? (
        <Textarea
          id={id}
          rows={rows}
          value={value}
          disabled={disabled}
          maxLength={maxLength}
          onChange={(e) => onChange(e.target.value)}
          {...aria}
        />
      ) : (
        <Input
          id={id}
          value={value}
          disabled={disabled}
          maxLength={maxLength}
          autoComplete="off"
          onChange={(e) => onChange(e.target.value)}
          {...aria}
        />
      )}
      {masked !== value && (
        <Button
          type="button"
          size="sm"
          variant="outline"
          className="mt-2"
          onClick={() => onChange(masked)}
        >
          {t("keepLastDigits")}
        </Button>
      )}
    </Field>
  );
}
