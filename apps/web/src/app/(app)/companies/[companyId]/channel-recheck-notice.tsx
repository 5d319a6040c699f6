import type { ChannelRecheck } from "@caseward/core";
import { Alert } from "@caseward/ui";

import { useTranslations } from "~/i18n/translations";
import { ChannelValue } from "~/components/channel-value";

/**
 * What a change of the company's official domains did to its channels: those on a domain that
 * became official are usable again (not verified: nobody checked them against a bill or a
 * card), those on a domain that no longer is are suspicious now.
 */
export function ChannelRecheckNotice({
  recheck,
  replacedDomain = null,
}: {
  recheck: ChannelRecheck;
  /** The old website's domain, when a new website replaced it. */
  replacedDomain?: string | null;
}) {
  const t = useTranslations("CompanyPage.recheck");
  const kinds = useTranslations("Vocabulary.channelKind");
  return (
    <div className="space-y-2">
      {replacedDomain && (
        <Alert variant="info" title={t("replacedTitle", { domain: replacedDomain })}>
          {t("replaced")}
        </Alert>
      )}
      {recheck.cleared.length > 0 && (
        <Alert variant="success" title={t("clearedTitle", { count: recheck.cleared.length })}>
          <ul className="list-disc pl-4">
            {recheck.cleared.map((c) => (
              <li key={c.id}>
                {t("channel", { kind: kinds(c.kind) })}
                <ChannelValue channel={{ ...c, status: "unverified" }} />
              </li>
            ))}
          </ul>
          <p className="mt-1">{t("cleared", { count: recheck.cleared.length })}</p>
        </Alert>
      )}
      {recheck.flagged.length > 0 && (
        <Alert variant="warning" title={t("flaggedTitle", { count: recheck.flagged.length })}>
          <ul className="list-disc pl-4">
            {recheck.flagged.map((c) => (
              <li key={c.id}>
                {t("channel", { kind: kinds(c.kind) })}
                <ChannelValue channel={{ ...c, status: "suspicious" }} />. {c.statusReason}
              </li>
            ))}
          </ul>
        </Alert>
      )}
    </div>
  );
}
