// Apps run core from source with their own tsconfig (tsx in the worker): the JSX runtime is pinned here.
/** @jsxRuntime automatic @jsxImportSource react */
import type { OutgoingEmail } from "../mailer";
import { readableDateTime } from "./format";
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
  nextDeadline: Date | null;
}

export interface DailyDigestEmailInput {
  to: string;
  userName: string;
  appUrl: string;
  settingsUrl: string;
  timeZone: string;
  /** In the order the user should look at them. */
  cases: DigestCase[];
}

const casesLabel = (count: number) => `${count} ${count === 1 ? "case" : "cases"}`;

function DigestLine(props: { item: DigestCase; timeZone: string }) {
  const { item } = props;
  const deadline = item.nextDeadline
    ? `next deadline ${readableDateTime(item.nextDeadline, props.timeZone)}`
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
              <DigestLine key={i} item={item} timeZone={props.timeZone} />
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
