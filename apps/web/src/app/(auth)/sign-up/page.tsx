import { defaultSettings, regionCatalogue } from "@caseward/core";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { SignUpForm } from "./sign-up-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("AuthPage");
  return { title: t("signUpTitle") };
}

export default function SignUpPage() {
  // The lists to pick a region from; the browser proposes one from its own zone.
  const regions = { catalogue: regionCatalogue(), zones: Intl.supportedValuesOf("timeZone") };
  const initial = {
    timeZone: defaultSettings.timeZone,
    country: defaultSettings.country,
    subdivision: defaultSettings.subdivision ?? undefined,
  };
  return <SignUpForm regions={{ choices: regions, initial }} />;
}
