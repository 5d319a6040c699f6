import { coreMessages } from "@caseward/core";
import type { Locale } from "@caseward/core/i18n";
import { getRequestConfig } from "next-intl/server";
import { cache } from "react";

import { getSession } from "~/server/auth";
import { requestSettings } from "~/server/clock";
import { visitorLocale } from "./visitor-locale";

/**
 * This request's language (no locale in the URL): the signed-in user's setting, else the
 * sign-in page's switch (a cookie), else the browser's Accept-Language.
 */
export const requestLocale = cache(async (): Promise<Locale> => {
  const session = await getSession();
  if (session) return (await requestSettings(session.user.id)).locale;
  return visitorLocale();
});

const catalogues = {
  en: () => import("../../messages/en"),
  "fr-CA": () => import("../../messages/fr-CA"),
} satisfies Record<Locale, () => Promise<unknown>>;

export default getRequestConfig(async () => {
  const locale = await requestLocale();
  // Core's namespaces (vocabulary, advice, red flags…) and the web's own, one catalogue.
  const messages = { ...coreMessages[locale], ...(await catalogues[locale]()).default };
  return { locale, messages };
});
