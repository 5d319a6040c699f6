import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";

import { ShieldCheckIcon } from "~/components/plain-icons";
import { ClientMessages } from "~/i18n/client-messages";
import { getSession } from "~/server/auth";
import { LanguageSwitch } from "./language-switch";

/** What the client parts of these pages say (the forms, the region fields, two-factor). */
const authNamespaces = ["Auth", "Forms", "PasswordReset", "RegionFields", "TwoFactor"] as const;

export default async function AuthLayout({ children }: { children: React.ReactNode }) {
  if (await getSession()) redirect("/");
  const t = await getTranslations("AuthPage");
  return (
    <div className="grid grid-cols-1 min-h-dvh lg:grid-cols-2">
      <aside className="hidden flex-col justify-between bg-primary p-10 text-primary-foreground lg:flex">
        <p className="flex items-center gap-2 text-lg font-semibold">
          <ShieldCheckIcon aria-hidden className="size-6" /> Caseward
        </p>
        <div className="max-w-md space-y-4">
          <p className="text-3xl font-semibold leading-tight">{t("pitch")}</p>
          <ul className="space-y-2">
            <li>{t("pointCases")}</li>
            <li>{t("pointContact")}</li>
            <li>{t("pointNudge")}</li>
          </ul>
        </div>
        <p className="text-sm">{t("yourData")}</p>
      </aside>
      <main id="content" className="flex items-center justify-center p-6">
        <div className="w-full max-w-sm space-y-6">
          <LanguageSwitch />
          <ClientMessages namespaces={authNamespaces}>{children}</ClientMessages>
        </div>
      </main>
    </div>
  );
}
