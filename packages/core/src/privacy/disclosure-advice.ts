import type { DisclosureKind } from "@caseward/db/vocabulary";

import type { Locale } from "../i18n/locale";
import { translator } from "../i18n/translate";
import type { PrivacyQuestionId } from "./checklist";

/**
 * What the session shows before the user gives a national id number or an ID document: the
 * company's checklist answers on the matter and the advice of the user's country. Links point to
 * the official guidance and live here so they can be reviewed together.
 */

export interface DisclosureAdvice {
  title: string;
  text: string;
  link?: string;
}

/** The checklist questions that bear on giving this kind of data. */
export const disclosureChecklistQuestions: Partial<
  Record<DisclosureKind, readonly PrivacyQuestionId[]>
> = {
  national_id: ["national_id_justified", "national_id_kept_on_file", "national_id_safeguarded"],
  id_document: ["verify_without_id_copy", "id_copy_handled_securely"],
};

// The official guidance, in the reader's language where the office publishes one.
const nationalIdLinks: Record<string, Partial<Record<Locale, string>>> = {
  CA: {
    en: "https://www.priv.gc.ca/en/privacy-topics/sins-and-other-national-identifiers/social-insurance-numbers/",
    "fr-CA":
      "https://www.priv.gc.ca/fr/sujets-lies-a-la-protection-de-la-vie-privee/identite-et-vie-privee/numero-d-assurance-sociale/protegez-votre-numero-d-assurance-sociale/",
  },
  US: { en: "https://www.ssa.gov/phila/ProtectingSSNs.htm" },
  GB: { en: "https://www.gov.uk/national-insurance/your-national-insurance-number" },
};
const countriesWithAdvice = ["CA", "US", "GB"] as const;
type CountryWithAdvice = (typeof countriesWithAdvice)[number];
const hasAdvice = (code: string): code is CountryWithAdvice =>
  (countriesWithAdvice as readonly string[]).includes(code);

/**
 * The advice to read before giving `kind`, in the user's language, or null when the kind needs
 * no special warning. The Canadian advice in French follows the Office of the Privacy
 * Commissioner's own French page (« Protégez votre numéro d’assurance sociale »).
 */
export function disclosureAdvice(
  kind: DisclosureKind,
  country: string,
  locale: Locale = "en",
): DisclosureAdvice | null {
  const code = country.toUpperCase();
  const t = translator(locale, "DisclosureAdvice");
  if (kind === "national_id") {
    if (!hasAdvice(code)) {
      return { title: t("nationalId.elsewhere.title"), text: t("nationalId.elsewhere.text") };
    }
    const link = nationalIdLinks[code]?.[locale] ?? nationalIdLinks[code]?.en;
    return {
      title: t(`nationalId.${code}.title`),
      text: t(`nationalId.${code}.text`),
      ...(link ? { link } : {}),
    };
  }
  if (kind === "id_document") {
    const [title, text] = [t("idDocument.title"), t("idDocument.text")];
    return hasAdvice(code)
      ? { title, text: `${text} ${t(`idDocumentNote.${code}`)}` }
      : { title, text };
  }
  return null;
}
