// Apps run core from source with their own tsconfig (tsx in the worker): the JSX runtime is pinned here.
/** @jsxRuntime automatic @jsxImportSource react */
import type { TimerKind } from "@caseward/db/vocabulary";

import type { Countdown } from "../../calendar/clock";
import { languageOf } from "../../i18n/locale";
import { vocabulary } from "../../labels";
import type { OutgoingEmail } from "../mailer";
import type { EmailClock } from "./format";
import { emailWords, readableCountdown } from "./format";
import {
  EmailButton,
  EmailHeading,
  EmailLayout,
  EmailList,
  EmailLink,
  EmailText,
  renderEmail,
} from "./layout";

export interface DigestCase {
  title: string;
  companyName: string;
  /** "Escalation due" */
  statusLabel: string;
  url: string;
  nextDeadline: { kind: TimerKind; countdown: Countdown } | null;
}

export interface DailyDigestEmailInput {
  to: string;
  userName: string;
  appUrl: string;
  settingsUrl: string;
  timeZone: string;
  locale: string;
  /** In the order the user should look at them. */
  cases: DigestCase[];
}

function DigestLine(props: { item: DigestCase; clock: EmailClock }) {
  const { item, clock } = props;
  const t = emailWords(clock.locale);
  const deadlines = vocabulary(languageOf(clock.locale)).deadline;
  const deadline = item.nextDeadline
    ? t("digest.deadline", {
        label: deadlines[item.nextDeadline.kind],
        countdown: readableCountdown(item.nextDeadline.countdown, clock),
      })
    : t("digest.noDeadline");
  return (
    <>
      <EmailLink href={item.url}>{item.title}</EmailLink>
      <br />
      {t("digest.line", { company: item.companyName, status: item.statusLabel, deadline })}
    </>
  );
}

export function DailyDigestEmail(props: Omit<DailyDigestEmailInput, "to">) {
  const t = emailWords(props.locale);
  const count = props.cases.length;
  return (
    <EmailLayout
      preview={t("digest.preview", { count })}
      settingsUrl={props.settingsUrl}
      locale={props.locale}
    >
      <EmailHeading>{t("digest.heading")}</EmailHeading>
      <EmailText>{t("hello", { name: props.userName })}</EmailText>
      {count > 0 ? (
        <>
          <EmailText>{t("digest.intro", { count })}</EmailText>
          <EmailList
            numbered
            items={props.cases.map((item, i) => (
              <DigestLine key={i} item={item} clock={props} />
            ))}
          />
        </>
      ) : (
        <EmailText>{t("digest.nothing")}</EmailText>
      )}
      <EmailButton href={props.appUrl}>{t("openDashboard")}</EmailButton>
    </EmailLayout>
  );
}

export function dailyDigestEmail(input: DailyDigestEmailInput): Promise<OutgoingEmail> {
  return renderEmail(
    input.to,
    emailWords(input.locale)("digest.subject", { count: input.cases.length }),
    <DailyDigestEmail {...input} />,
  );
}
