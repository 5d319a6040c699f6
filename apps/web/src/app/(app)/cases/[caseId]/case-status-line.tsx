import type { CaseStatus, ChannelKind, ChannelStatus, Provenance } from "@caseward/core/schemas";
import { Alert, Button } from "@caseward/ui";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import type { ReactNode } from "react";

import { HistoryIcon, PhoneCallIcon, RotateCcwIcon } from "~/components/plain-icons";
import { ServerChannelValue } from "~/components/channel-value-server";
import { getUserClock } from "~/server/user-clock";
import { CaseDialogButton, LogContactButton, TheyAnsweredButton } from "./case-actions";

interface StatusLineCase {
  id: string;
  status: CaseStatus;
  closedAt: Date | null;
  closingNote: string | null;
  satisfaction: number | null;
  company: { id: string; name: string };
  suggested: {
    kind: ChannelKind;
    value: string;
    status: ChannelStatus;
    provenance: Provenance;
  } | null;
}

/**
 * Where the case stands, in a sentence, and the next sensible thing to do about it: the first
 * button is the likeliest (answered, the next channel up, a contact, or reopening).
 */
export async function CaseStatusLine({ found }: { found: StatusLineCase }) {
  const [t, vocabulary, clock] = await Promise.all([
    getTranslations("CaseStatusLine"),
    getTranslations("Vocabulary"),
    getUserClock(),
  ]);
  const company = found.company.name;
  const session = (label: string) => (
    <Button asChild>
      <Link href={`/cases/${found.id}/session`}>
        <PhoneCallIcon aria-hidden className="size-4" /> {label}
      </Link>
    </Button>
  );
  const theyAnswered = (variant: "primary" | "outline") => (
    <TheyAnsweredButton caseId={found.id} variant={variant}>
      {t("theyAnswered")}
    </TheyAnsweredButton>
  );
  const logContact = (variant: "primary" | "outline") => (
    <LogContactButton variant={variant}>
      <HistoryIcon aria-hidden className="size-4" /> {t("logContact")}
    </LogContactButton>
  );
  const resolve = (variant: "primary" | "outline" | "ghost") => (
    <CaseDialogButton dialog="resolve" variant={variant}>
      {t("resolve")}
    </CaseDialogButton>
  );
  const giveUp = (
    <CaseDialogButton dialog="abandon" variant="ghost">
      {t("giveUp")}
    </CaseDialogButton>
  );
  const reopen = (
    <CaseDialogButton dialog="reopen" variant="outline">
      <RotateCcwIcon aria-hidden className="size-4" /> {t("reopen")}
    </CaseDialogButton>
  );

  let line: { title: ReactNode; text?: ReactNode; actions: ReactNode };
  switch (found.status) {
    case "open":
      line = {
        title: t("open.title"),
        text: t("open.text", { company }),
        actions: (
          <>
            {session(t("open.contactNow", { company }))}
            {logContact("outline")}
            {resolve("ghost")}
            {giveUp}
          </>
        ),
      };
      break;
    case "awaiting_company":
      line = {
        title: t("awaitingCompany.title", { company }),
        text: t("awaitingCompany.text"),
        actions: (
          <>
            {theyAnswered("primary")}
            {logContact("outline")}
            {resolve("ghost")}
            {giveUp}
          </>
        ),
      };
      break;
    case "awaiting_me":
      line = {
        title: t("awaitingMe.title", { company }),
        text: t("awaitingMe.text"),
        actions: (
          <>
            {logContact("primary")}
            {resolve("outline")}
            {giveUp}
          </>
        ),
      };
      break;
    case "escalation_due": {
      const suggested = found.suggested;
      line = {
        title: t("escalationDue.title", { company }),
        text: suggested
          ? t.rich("escalationDue.next", {
              channel: vocabulary(`channelKind.${suggested.kind}`),
              found: vocabulary(`provenanceFound.${suggested.provenance}`).toLowerCase(),
              strong: (chunks) => <strong>{chunks}</strong>,
              value: () => <ServerChannelValue channel={suggested} />,
            })
          : t("escalationDue.noChannel"),
        actions: (
          <>
            {suggested ? (
              session(
                t("escalationDue.contactBy", {
                  channel: vocabulary(`channelKind.${suggested.kind}`).toLowerCase(),
                }),
              )
            ) : (
              <Button asChild>
                <Link href={`/companies/${found.company.id}`}>
                  {t("escalationDue.verifyChannel")}
                </Link>
              </Button>
            )}
            {theyAnswered("outline")}
            {logContact("outline")}
            {giveUp}
          </>
        ),
      };
      break;
    }
    case "resolved":
      line = {
        title: found.closedAt
          ? t("resolved.titleOn", { date: clock.dateTime(found.closedAt) })
          : t("resolved.title"),
        text: <ClosingNote found={found} t={t} />,
        actions: (
          <>
            {reopen}
            {!found.closingNote && resolve("ghost")}
          </>
        ),
      };
      break;
    case "abandoned":
      line = {
        title: found.closedAt
          ? t("abandoned.titleOn", { date: clock.dateTime(found.closedAt) })
          : t("abandoned.title"),
        text: <ClosingNote found={found} t={t} />,
        actions: reopen,
      };
      break;
  }

  const actions = <div className="mt-3 flex flex-wrap gap-2">{line.actions}</div>;
  return (
    <section aria-label={t("label")}>
      {found.status === "escalation_due" ? (
        <>
          <Alert variant="warning" title={line.title}>
            {line.text}
          </Alert>
          {actions}
        </>
      ) : (
        <div className="rounded-lg border border-border bg-card p-4 text-sm">
          <p className="leading-snug font-medium">{line.title}</p>
          {line.text && <div className="mt-1 text-muted-foreground">{line.text}</div>}
          {actions}
        </div>
      )}
    </section>
  );
}

function ClosingNote({
  found,
  t,
}: {
  found: StatusLineCase;
  t: Awaited<ReturnType<typeof getTranslations<"CaseStatusLine">>>;
}) {
  if (!found.closingNote && found.satisfaction === null) {
    return found.status === "resolved" ? t("resolved.noNote") : null;
  }
  return (
    <>
      {found.closingNote && (
        <span className="block text-foreground">
          {t("closingNote", { note: found.closingNote })}
        </span>
      )}
      {found.satisfaction !== null && (
        <span className="block">{t("satisfied", { satisfaction: found.satisfaction })}</span>
      )}
    </>
  );
}
