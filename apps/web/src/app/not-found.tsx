import Link from "next/link";
import { getTranslations } from "next-intl/server";

export default async function NotFound() {
  const t = await getTranslations("ErrorPages");
  return (
    <main
      id="content"
      className="flex min-h-dvh flex-col items-center justify-center gap-3 p-6 text-center"
    >
      <p className="text-sm font-medium text-primary">404</p>
      <h1 className="text-2xl font-semibold">{t("nothingHere")}</h1>
      <p className="text-muted-foreground">{t("pageNotFound")}</p>
      <Link href="/" className="font-medium text-primary hover:underline">
        {t("backToCases")}
      </Link>
    </main>
  );
}
