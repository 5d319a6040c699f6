// Apps run core from source with their own tsconfig (tsx in the worker): the JSX runtime is pinned here.
/** @jsxRuntime automatic @jsxImportSource react */
import type { TimerKind } from "@caseward/db/vocabulary";

import type { Countdown } from "../../calendar/clock";
import { deadlineLabels } from "../../labels";
import type { OutgoingEmail } from "../mailer";
import type { EmailClock } from "./format";
import { readableCountdown } from "./format";
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

const casesLabel = (count: number) => `${count} ${count === 1 ? "case" : "cases"}`;

function DigestLine(props: { item: DigestCase; clock: EmailClock }) {
  const { item, clock } = props;
  const deadline = item.nextDeadline
    ? `${deadlineLabels[item.nextDeadline.kind]}: ${readableCountdown(item.nextDeadline.countdown, clock)}`
    : "no deadline";
  return (
    <>
      <EmailLink href={item.url}>{item.title}</EmailLink>
      <br />
      {`${item.companyName} · ${item.statusLabel} · ${deadline}`}
    </>
  );
}

export function DailyDigestEmail(props: Omit<DailyDigestEmailInput, "to">) {
  const count = casesLabel(props.cases.length);
  return (
    <EmailLayout preview={`Your open cases today: ${count}.`} settingsUrl={props.settingsUrl}>
      <EmailHeading>Your cases today</EmailHeading>
      <EmailText>{`Hello ${props.userName},`}</EmailText>
      {props.cases.length > 0 ? (
        <>
          <EmailText>
            {props.cases.length === 1
              ? "Here is where your case stands:"
              : `Here is where your ${count} stand:`}
          </EmailText>
          <EmailList
            numbered
            items={props.cases.map((item, i) => (
              <DigestLine key={i} item={item} clock={props} />
            ))}
          />
        </>
      ) : (
        <EmailText>No open cases need you today.</EmailText>
      )}
      <EmailButton href={props.appUrl}>Open your dashboard</EmailButton>
    </EmailLayout>
  );
}

export function dailyDigestEmail(input: DailyDigestEmailInput): Promise<OutgoingEmail> {
  return renderEmail(
    input.to,
    `Your Caseward digest: ${casesLabel(input.cases.length)}`,
    <DailyDigestEmail {...input} />,
  );
}
