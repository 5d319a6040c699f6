import { recordingAdvice, recordingConsent } from "@caseward/core/schemas";
import { Alert } from "@caseward/ui";
import { getTranslations } from "next-intl/server";
import Link from "next/link";

/**
 * The recording-consent rule of the user's region, written on the server: the rules of every
 * country and state stay there, the session's checkbox beside it is the client's.
 */
export async function RecordingRule({
  region,
}: {
  region: { country: string; subdivision: string | null };
}) {
  const t = await getTranslations("RecordingRule");
  const place = { country: region.country, subdivision: region.subdivision ?? undefined };
  const rule = recordingConsent(place);
  return (
    <Alert
      variant={rule?.rule === "one_party" ? "info" : "warning"}
      title={
        rule
          ? rule.rule === "one_party"
            ? t("onePartyTitle")
            : t("allPartyTitle")
          : t("unknownRuleTitle")
      }
    >
      <p>{rule?.summary ?? t("setRegion")}</p>
      <p className="mt-1 font-medium">{recordingAdvice(place)}</p>
      <p className="mt-1 text-xs">
        {t.rich("region", {
          region: region.subdivision ? `${region.country}-${region.subdivision}` : region.country,
          link: (chunks) => (
            <Link href="/settings" className="underline">
              {chunks}
            </Link>
          ),
        })}
      </p>
    </Alert>
  );
}
