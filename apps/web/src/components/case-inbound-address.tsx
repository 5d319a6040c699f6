import { getTranslations } from "next-intl/server";

import { CopyAddress } from "~/components/copy-address";

/** The case's own email address: BCC it or forward to it, and the email joins this case. */
export async function CaseInboundAddress({ address }: { address: string }) {
  const t = await getTranslations("CaseInboundAddress");
  return (
    <section aria-labelledby="case-address-title" className="max-w-2xl space-y-1">
      <h2 id="case-address-title" className="text-sm font-medium">
        {t("title")}
      </h2>
      <p className="text-muted-foreground text-sm">{t("text")}</p>
      <CopyAddress address={address} label={t("title")} />
    </section>
  );
}
