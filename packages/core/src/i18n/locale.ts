/**
 * The languages Caseward speaks (issue 20): English and Canadian French. The one home of the
 * locale rule: which locales exist, which is the default, and how a browser's Accept-Language
 * picks one before the user has a setting. Web (pages, forms) and worker (emails, PDF, ICS) both
 * read the user's choice from `user_settings.locale`.
 */
export const locales = ["en", "fr-CA"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "en";

export const isLocale = (value: unknown): value is Locale =>
  typeof value === "string" && (locales as readonly string[]).includes(value);

/**
 * The best of our locales for an Accept-Language header ("fr-CA,fr;q=0.9,en;q=0.8"): any French
 * (fr, fr-FR, fr-CA) reads fr-CA, any English reads en, ranked by q; the default otherwise.
 */
export function localeFromAcceptLanguage(header: string | null | undefined): Locale {
  if (!header) return defaultLocale;
  const ranked = header
    .split(",")
    .map((part, order) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const weight = q ? Number(q.slice(2)) : 1;
      return { tag: tag.trim().toLowerCase(), weight: Number.isFinite(weight) ? weight : 0, order };
    })
    .filter((entry) => entry.tag && entry.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.order - b.order);
  for (const { tag } of ranked) {
    const language = tag.split("-")[0];
    if (language === "fr") return "fr-CA";
    if (language === "en") return "en";
  }
  return defaultLocale;
}

/**
 * Which of our languages a date style or language tag is written in ("fr-CA", "fr-FR" → fr-CA;
 * "en-GB" → en): emails and documents carry the user's date style and speak its language.
 */
export function languageOf(tag: string | null | undefined): Locale {
  return tag?.toLowerCase().startsWith("fr") ? "fr-CA" : "en";
}
