import type { Locale } from "@caseward/core/i18n";

/**
 * The namespaces the new-case form reads (its labels, its error summary, the priorities'
 * names): they come with the form when it is first wanted, not in the dashboard's HTML, which
 * gives only the button's and the dialog's words (`_dashboard/client-namespaces.ts`).
 * `client-namespaces.test.ts` checks that the form reads no other.
 */
export const openCaseFormNamespaces = ["CaseDialogs", "Forms", "Vocabulary"] as const;

type FormWords = Record<(typeof openCaseFormNamespaces)[number], Record<string, unknown>>;

type Json = Promise<{ default: Record<string, unknown> }>;

/** The three namespaces, in `openCaseFormNamespaces`' order, loaded together. */
const formWords = async (...loads: [Json, Json, Json]): Promise<FormWords> => {
  const [CaseDialogs, Forms, Vocabulary] = await Promise.all(loads);
  return { CaseDialogs: CaseDialogs.default, Forms: Forms.default, Vocabulary: Vocabulary.default };
};

/**
 * Those namespaces in each language, each JSON file a chunk of its own (the paths written out,
 * for the bundler).
 */
export const openCaseFormWords: Record<Locale, () => Promise<FormWords>> = {
  en: () =>
    formWords(
      import("../../messages/en/CaseDialogs.json"),
      import("../../messages/en/Forms.json"),
      import("@caseward/core/messages/en/Vocabulary.json"),
    ),
  "fr-CA": () =>
    formWords(
      import("../../messages/fr-CA/CaseDialogs.json"),
      import("../../messages/fr-CA/Forms.json"),
      import("@caseward/core/messages/fr-CA/Vocabulary.json"),
    ),
};
