import type { DisclosureKind } from "@caseward/db/vocabulary";

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

const nationalId: Record<string, DisclosureAdvice> = {
  CA: {
    title: "Your Social Insurance Number",
    text: "Only a few organisations may require your SIN: your employer, your bank or broker for income that is taxed (interest, investments), and government programmes. A phone company, landlord, store or lender checking your identity may ask, but you can refuse and offer another document. Ask why they need it, who will see it and how long they keep it.",
    link: "https://www.priv.gc.ca/en/privacy-topics/sins-and-other-national-identifiers/social-insurance-numbers/",
  },
  US: {
    title: "Your Social Security number",
    text: "Employers, banks and brokers (for tax reporting) and lenders running a credit check have a real need for your SSN. Others often ask only out of habit: ask why they need it, how they protect it, and whether another identifier will do. Never give it on a call you did not start.",
    link: "https://www.ssa.gov/phila/ProtectingSSNs.htm",
  },
  GB: {
    title: "Your National Insurance number",
    text: "Only your employer, HMRC, the DWP and some pension and benefit providers need your National Insurance number. Banks, shops and utilities do not: refuse and ask what else they accept.",
    link: "https://www.gov.uk/national-insurance/your-national-insurance-number",
  },
};

const nationalIdElsewhere: DisclosureAdvice = {
  title: "Your national identity number",
  text: "A national identity number lets someone open credit or claim benefits in your name. Give it only where the law requires it (employment, tax, some financial products), ask why it is needed and how it is protected, and never on a contact you did not start.",
};

const idDocument: DisclosureAdvice = {
  title: "A copy of an ID document",
  text: "A photo of your passport or licence is all an impostor needs. Before you send one, ask whether another proof will do (a call back to the number on file, a code in the official app). If you must, send it only through the company's secure upload, never by plain email or chat; cover what is not needed (the document number, your photo) where the company allows it, and write on the copy who it is for and the date.",
};

const idDocumentNotes: Record<string, string> = {
  CA: "In Canada, organisations may look at ID to confirm who you are but should not copy it unless they need a record (for example, a bank under anti-money-laundering rules).",
  US: "In the US, several states limit when a business may scan or keep your driver's licence; ask for the reason.",
  GB: "In the UK, UK GDPR requires a company to collect only what it needs: ask it to check the document rather than keep a copy.",
};

/** The advice to read before giving `kind`, or null when the kind needs no special warning. */
export function disclosureAdvice(kind: DisclosureKind, country: string): DisclosureAdvice | null {
  const code = country.toUpperCase();
  if (kind === "national_id") return nationalId[code] ?? nationalIdElsewhere;
  if (kind === "id_document") {
    const note = idDocumentNotes[code];
    return note ? { ...idDocument, text: `${idDocument.text} ${note}` } : idDocument;
  }
  return null;
}
