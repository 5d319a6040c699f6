import { formatNumber } from "../i18n/format";
import type { Locale } from "../i18n/locale";
import { languageOf } from "../i18n/locale";
import { translator } from "../i18n/translate";

const words: Record<Locale, ReturnType<typeof translator<"FileSize">>> = {
  en: translator("en", "FileSize"),
  "fr-CA": translator("fr-CA", "FileSize"),
};

/**
 * A file's size in units of 1,024, as file managers count, in the language of `locale` (the
 * `FileSize` catalogue): "812 bytes", "14.2 KB", "3.4 MB", "1 GB"; "812 o", "14,2 ko", "3,4 Mo",
 * "1 Go" in French.
 */
export function humanFileSize(bytes: number, locale = "en"): string {
  const language = languageOf(locale);
  const t = words[language];
  const size = (value: number) => formatNumber(value, language, { maximumFractionDigits: 1 });
  if (bytes < 1024) return t("bytes", { size: size(bytes) });
  if (bytes < 1024 ** 2) return t("kilobytes", { size: size(bytes / 1024) });
  if (bytes < 1024 ** 3) return t("megabytes", { size: size(bytes / 1024 ** 2) });
  return t("gigabytes", { size: size(bytes / 1024 ** 3) });
}
