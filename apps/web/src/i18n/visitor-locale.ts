import { isLocale, localeFromAcceptLanguage } from "@caseward/core/i18n";
import type { Locale } from "@caseward/core/i18n";
import { cookies, headers } from "next/headers";

import { localeCookie } from "./locale-cookie";

/** The language of someone not signed in: the sign-in page's switch (a cookie), else the browser's. */
export async function visitorLocale(): Promise<Locale> {
  const chosen = (await cookies()).get(localeCookie)?.value;
  if (isLocale(chosen)) return chosen;
  return localeFromAcceptLanguage((await headers()).get("accept-language"));
}
