import { maxLengthOf, newPassword, passwordLength } from "@caseward/core/schemas";
import { Field, fieldAria, Input } from "@caseward/ui";

import { useTranslations } from "~/i18n/translations";
import type { FieldErrors } from "~/lib/form";
import { firstError } from "~/lib/form";

/**
 * A password input of a form read with `formValues`: the one the person has (`current`), or
 * a new one, which says the rules under it.
 */
export function PasswordField({
  id,
  name,
  label,
  errors,
  kind,
  maxLength,
}: {
  id: string;
  name: string;
  label: string;
  errors: FieldErrors;
  kind: "current" | "new";
  /** The server's limit; a new password's is the password rule's own. */
  maxLength?: number | undefined;
}) {
  const t = useTranslations("Forms");
  const error = firstError(errors, name);
  return (
    <Field
      label={label}
      htmlFor={id}
      error={error}
      hint={kind === "new" ? t("newPasswordHint", passwordLength) : undefined}
    >
      <Input
        id={id}
        name={name}
        type="password"
        autoComplete={`${kind}-password`}
        maxLength={maxLength ?? (kind === "new" ? maxLengthOf(newPassword) : undefined)}
        {...fieldAria(id, error)}
      />
    </Field>
  );
}
