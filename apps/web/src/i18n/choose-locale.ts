"use server";

import { isLocale } from "@caseward/core/i18n";
import { cookies } from "next/headers";

import { env } from "~/env";
import { localeCookie } from "./locale-cookie";

/** The sign-in page's switch: the language to show until an account keeps its own. */
export async function chooseLocale(form: FormData) {
  const locale = form.get("locale");
  if (!isLocale(locale)) return;
  (await cookies()).set(localeCookie, locale, {
    path: "/",
    maxAge: 365 * 24 * 3600,
    sameSite: "lax",
    httpOnly: true,
    secure: env.BASE_URL.startsWith("https://"),
  });
}
