import type { Locale } from "@caseward/core/i18n";
import { getLocale, getTranslations } from "next-intl/server";

import { chooseLocale } from "~/i18n/choose-locale";

/** Each language named in itself, whichever is showing. */
const names: Record<Locale, string> = { en: "English", "fr-CA": "Français" };

/** The sign-in pages' language switch: a plain form, so it works before (or without) JS. */
export async function LanguageSwitch() {
  const [locale, t] = await Promise.all([getLocale(), getTranslations("AuthPage")]);
  return (
    <form
      action={chooseLocale}
      aria-label={t("language")}
      className="flex justify-end gap-1 text-sm"
    >
      {(Object.keys(names) as Locale[]).map((option) => (
        <button
          key={option}
          type="submit"
          name="locale"
          value={option}
          lang={option}
          aria-pressed={option === locale}
          className="rounded px-2 py-1 underline-offset-4 hover:underline aria-pressed:font-semibold aria-pressed:text-foreground text-muted-foreground"
        >
          {names[option]}
        </button>
      ))}
    </form>
  );
}
