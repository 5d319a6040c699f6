import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { safeNextPath } from "~/lib/next-path";
import { AuthForm } from "../auth-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("AuthPage");
  return { title: t("signInTitle") };
}

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ account?: string; next?: string | string[] }>;
}) {
  const [{ account, next }, t] = await Promise.all([searchParams, getTranslations("Auth")]);
  // Good news from the page before: the account was deleted.
  const notice = account === "deleted" ? t("accountDeleted") : undefined;
  return <AuthForm mode="sign-in" notice={notice} next={safeNextPath(next) ?? undefined} />;
}
