/**
 * What to do after a company you deal with is breached, adapted to the user's country: the
 * same first steps everywhere (passwords, two-step verification, the card, scams that follow a
 * breach), plus the country's credit-file protection and where to report or get help.
 * Links point to the official or non-profit service and live in this one file, so they can be
 * reviewed together (services move: Action Fraud became Report Fraud in December 2025).
 */

export interface BreachAction {
  /** Stable, so the user can tick actions off. */
  id: string;
  text: string;
  link?: string;
}

const firstSteps: readonly BreachAction[] = [
  {
    id: "change_password",
    text: "Change your password for this company, and everywhere else you used the same one. Use a password manager so each account gets its own.",
  },
  {
    id: "turn_on_2fa",
    text: "Turn on two-step verification for this account and for your email. An authenticator app or security key is safer than text messages.",
  },
  {
    id: "expect_breach_scams",
    text: "Expect calls, texts and emails that mention the breach or offer help. Do not click their links or give details: contact the company on a channel you verified.",
  },
  {
    id: "replace_card",
    text: "If your card details may have been exposed, ask your bank for a new card number. The last 4 digits on their own are not enough to spend with.",
  },
  {
    id: "change_security_answers",
    text: "If your security questions or date of birth leaked, change the answers where you used them (they do not have to be true, only remembered).",
  },
];

const lastSteps: readonly BreachAction[] = [
  {
    id: "watch_statements",
    text: "Watch your bank and card statements for payments you do not recognise for the next months, and report any at once.",
  },
  {
    id: "check_other_breaches",
    text: "Check whether your email address appears in other known breaches.",
    link: "https://haveibeenpwned.com/",
  },
  {
    id: "keep_breach_notice",
    text: "Keep the company's breach notice and your letters with it; you may need them for a complaint or a claim.",
  },
];

const genericCountrySteps: readonly BreachAction[] = [
  {
    id: "credit_file_protection",
    text: "Ask the credit bureaus in your country whether you can freeze your credit file or add a fraud alert, so no one can open credit in your name.",
  },
  {
    id: "report_identity_fraud",
    text: "If someone uses your identity, report it to the police and keep the report number: banks and credit bureaus will ask for it.",
  },
];

const countrySteps: Readonly<Record<string, readonly BreachAction[]>> = {
  CA: [
    {
      id: "fraud_alert_equifax_ca",
      text: "Add a fraud alert (Identity Alert) to your Equifax Canada credit file, so lenders check with you before opening credit.",
      link: "https://www.consumer.equifax.ca/personal/education/identity/how-can-i-place-a-fraud-alert-on-my-equifax-credit-report/",
    },
    {
      id: "fraud_alert_transunion_ca",
      text: "Add a fraud alert to your TransUnion Canada credit file too: the two bureaus do not share alerts.",
      link: "https://www.transunion.ca/assistance/fraud-victims-resources",
    },
    {
      id: "sin_exposed_ca",
      text: "If your SIN was exposed, contact Service Canada (1-800-206-7218). In Quebec you can also put a security freeze on your credit files.",
      link: "https://www.canada.ca/en/employment-social-development/services/sin.html",
    },
    {
      id: "report_cafc",
      text: "Report fraud or a suspicious contact to the Canadian Anti-Fraud Centre (1-888-495-8501), and to your local police if your identity is used.",
      link: "https://antifraudcentre-centreantifraude.ca/",
    },
  ],
  US: [
    {
      id: "credit_freeze_equifax",
      text: "Freeze your credit at Equifax. Freezes are free; do it at all three bureaus.",
      link: "https://www.equifax.com/personal/credit-report-services/credit-freeze/",
    },
    {
      id: "credit_freeze_experian",
      text: "Freeze your credit at Experian.",
      link: "https://www.experian.com/freeze/center.html",
    },
    {
      id: "credit_freeze_transunion",
      text: "Freeze your credit at TransUnion.",
      link: "https://www.transunion.com/credit-freeze",
    },
    {
      id: "free_credit_reports",
      text: "Get your free credit reports and look for accounts you did not open.",
      link: "https://www.annualcreditreport.com/",
    },
    {
      id: "irs_ip_pin",
      text: "If your SSN was exposed, get an IRS Identity Protection PIN so no one else can file a tax return in your name.",
      link: "https://www.irs.gov/identity-theft-fraud-scams/get-an-identity-protection-pin",
    },
    {
      id: "identitytheft_gov",
      text: "If your identity is misused, report it to the FTC at IdentityTheft.gov: you get a recovery plan and a report to show creditors.",
      link: "https://www.identitytheft.gov/",
    },
  ],
  GB: [
    {
      id: "cifas_protective_registration",
      text: "Apply for Cifas Protective Registration: lenders then run extra checks when your details are used to apply for credit (there is a fee).",
      link: "https://www.cifas.org.uk/pr_for_individuals",
    },
    {
      id: "check_credit_files_gb",
      text: "Check your credit files at Experian, Equifax and TransUnion (free by law) for searches and accounts you do not recognise.",
    },
    {
      id: "report_phishing_gb",
      text: "Forward scam emails that mention the breach to report@phishing.gov.uk and scam texts to 7726.",
    },
    {
      id: "report_fraud_gb",
      text: "Report fraud to Report Fraud (it replaced Action Fraud in December 2025; 0300 123 2040). In Scotland, call Police Scotland on 101.",
      link: "https://www.reportfraud.police.uk/",
    },
  ],
  AU: [
    {
      id: "idcare",
      text: "Contact IDCARE, the free national identity and cyber support service, for a response plan.",
      link: "https://www.idcare.org/",
    },
    {
      id: "credit_ban_au",
      text: "Ask for a credit ban with Equifax, Experian and illion (one request can cover all of them). It lasts 21 days and can be extended with a police or ReportCyber report number.",
      link: "https://www.idcare.org/fact-sheets/credit-bans-australia",
    },
    {
      id: "replace_id_documents_au",
      text: "If your passport, driver licence or Medicare number leaked, ask the issuing agency to replace it.",
    },
    {
      id: "report_cyber_au",
      text: "Report identity misuse through ReportCyber, and scam contacts to Scamwatch.",
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
 * The checklist after a breach, most urgent first. Countries without their own steps (and
 * unreadable codes) get generic credit-file and reporting advice.
 */
export function breachActions(country: string): BreachAction[] {
  const key = countryKey(country);
  const local = Object.hasOwn(countrySteps, key) ? countrySteps[key] : undefined;
  return [...firstSteps, ...(local ?? genericCountrySteps), ...lastSteps].map((action) => ({
    ...action,
  }));
}
