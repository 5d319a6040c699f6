import type { Locale } from "../i18n/locale";
import { sentenceIn } from "../zod-messages";
import type { FullSecretKind } from "./secret-shapes";

/**
 * The sentence shown when input is refused (PRODUCT.md: "input that looks like one is refused
 * with an explanation"). It says what we saw, that it is never stored, and what to do instead;
 * in French from the `Validation` catalogue ("Cela ressemble à un numéro d'assurance sociale…").
 */
export function secretRefusalMessage(kind: FullSecretKind, locale: Locale = "en"): string {
  switch (kind) {
    case "payment_card":
      return sentenceIn(
        "This looks like a full card number. Caseward never stores full card numbers: keep only the last 4 digits.",
        locale,
      );
    case "national_id":
      return sentenceIn(
        "This looks like a full social insurance or social security number. Caseward never stores full national id numbers: keep only the last digits, or leave it out.",
        locale,
      );
  }
}
