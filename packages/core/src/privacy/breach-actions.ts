/**
 * What to do after a company you deal with is breached, adapted to the user's country: the
 * same first steps everywhere (passwords, two-step verification, the card, scams that follow a
 * breach), plus the country's credit-file protection and where to report or get help.
 * Links point to the official or non-profit service and live in this one file, so they can be
 * reviewed together (services move: Action Fraud became Report Fraud in December 2025).
 */
import type { Locale } from "../i18n/locale";
import { translator } from "../i18n/translate";

export interface BreachAction {
  /** Stable, so the user can tick actions off. */
  id: string;
  text: string;
  link?: string;
}

/** An action as listed here: its text is in the `BreachActions` catalogue, under its id. */
type ListedAction = Omit<BreachAction, "text"> & {
  /** The page in French, where the service has one (Canada's are bilingual by law). */
  linkFr?: string;
};

const firstSteps: readonly ListedAction[] = [
  {
    id: "change_password",
  },
  {
    id: "turn_on_2fa",
  },
  {
    id: "expect_breach_scams",
  },
  {
    id: "replace_card",
  },
  {
    id: "change_security_answers",
  },
];

const lastSteps: readonly ListedAction[] = [
  {
    id: "watch_statements",
  },
  {
    id: "check_other_breaches",
    link: "https://haveibeenpwned.com/",
  },
  {
    id: "keep_breach_notice",
  },
];

const genericCountrySteps: readonly ListedAction[] = [
  {
    id: "credit_file_protection",
  },
  {
    id: "report_identity_fraud",
  },
];

const countrySteps: Readonly<Record<string, readonly ListedAction[]>> = {
  CA: [
    {
      id: "fraud_alert_equifax_ca",
      link: "https://www.consumer.equifax.ca/personal/education/identity/how-can-i-place-a-fraud-alert-on-my-equifax-credit-report/",
      linkFr:
        "https://equifax.ca/fr/personnel/education/cybersecurite/articles/-/learn/proteger-et-restaurer-votre-identite-apres-une-violation-de-donnees",
    },
    {
      id: "fraud_alert_transunion_ca",
      link: "https://www.transunion.ca/assistance/fraud-victims-resources",
      linkFr: "https://www.transunion.ca/fr/assistance/fraude-et-vol-didentite",
    },
    {
      id: "sin_exposed_ca",
      link: "https://www.canada.ca/en/employment-social-development/services/sin.html",
      linkFr:
        "https://www.canada.ca/fr/emploi-developpement-social/services/numero-assurance-sociale.html",
    },
    {
      id: "report_cafc",
      link: "https://antifraudcentre-centreantifraude.ca/",
    },
  ],
  US: [
    {
      id: "credit_freeze_equifax",
      link: "https://www.equifax.com/personal/credit-report-services/credit-freeze/",
    },
    {
      id: "credit_freeze_experian",
      link: "https://www.experian.com/freeze/center.html",
    },
    {
      id: "credit_freeze_transunion",
      link: "https://www.transunion.com/credit-freeze",
    },
    {
      id: "free_credit_reports",
      link: "https://www.annualcreditreport.com/",
    },
    {
      id: "irs_ip_pin",
      link: "https://www.irs.gov/identity-theft-fraud-scams/get-an-identity-protection-pin",
    },
    {
      id: "identitytheft_gov",
      link: "https://www.identitytheft.gov/",
    },
  ],
  GB: [
    {
      id: "cifas_protective_registration",
      link: "https://www.cifas.org.uk/pr_for_individuals",
    },
    {
      id: "check_credit_files_gb",
    },
    {
      id: "report_phishing_gb",
    },
    {
      id: "report_fraud_gb",
      link: "https://www.reportfraud.police.uk/",
    },
  ],
  AU: [
    {
      id: "idcare",
      link: "https://www.idcare.org/",
    },
    {
      id: "credit_ban_au",
      link: "https://www.idcare.org/fact-sheets/credit-bans-australia",
    },
    {
      id: "replace_id_documents_au",
    },
    {
      id: "report_cyber_au",
      link: "https://www.cyber.gov.au/",
    },
  ],
};

/** "UK" is what people type; ISO 3166-1 says GB. */
const countryAliases: Readonly<Record<string, string>> = { UK: "GB" };

/** "ca", " CA ", "CA-QC" → "CA"; anything else → "". */
function countryKey(country: string): string {
  const match = /^([A-Za-z]{2})(?:-[A-Za-z0-9]{1,3})?$/.exec(country.trim());
  if (!match?.[1]) return "";
  const code = match[1].toUpperCase();
  return countryAliases[code] ?? code;
}

/**
 * The checklist after a breach, most urgent first, in the user's language. Countries without
 * their own steps (and unreadable codes) get generic credit-file and reporting advice. The
 * Canadian steps in French use the words of the services' own French pages (Equifax's "alerte
 * d'identité", TransUnion's "alerte de fraude potentielle" on a "fiche de crédit", Québec's "gel
 * de sécurité", the "Centre antifraude du Canada").
 */
export function breachActions(country: string, locale: Locale = "en"): BreachAction[] {
  const key = countryKey(country);
  const local = Object.hasOwn(countrySteps, key) ? countrySteps[key] : undefined;
  const t = translator(locale, "BreachActions");
  return [...firstSteps, ...(local ?? genericCountrySteps), ...lastSteps].map(
    ({ id, link, linkFr }) => {
      const shown = locale === "fr-CA" && linkFr ? linkFr : link;
      return { id, text: t(id as Parameters<typeof t>[0]), ...(shown ? { link: shown } : {}) };
    },
  );
}
