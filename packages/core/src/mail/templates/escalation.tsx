// Apps run core from source with their own tsconfig (tsx in the worker): the JSX runtime is pinned here.
/** @jsxRuntime automatic @jsxImportSource react */
import type { Countdown } from "../../calendar/clock";
import { deadlineLabels } from "../../labels";
import type { OutgoingEmail } from "../mailer";
import { businessDaysLabel, readableCountdown, readableDate, readableDateTime } from "./format";
import type { CaseEmailInput } from "./layout";
import {
  EmailBox,
  EmailButton,
  EmailHeading,
  EmailLayout,
  EmailList,
  EmailSubheading,
  EmailText,
  renderEmail,
} from "./layout";

/** The next verified channel up the ladder, or none: then the step is to verify one first. */
export type EscalationSuggestion =
  | {
      kind: "channel";
      /** "Phone" */
      channelLabel: string;
      /** "1-888-764-3771" */
      value: string;
      /** "Found on a bill" (provenanceFoundLabels) */
      provenanceLabel: string;
      lastVerifiedAt: Date | null;
    }
  | { kind: "verify_first" };

export interface EscalationEmailInput extends CaseEmailInput {
  waitedBusinessDays: number;
  /** "Email: support@rogers.com": where the user wrote or called last. */
  lastChannelLabel: string | null;
  /** When that last contact was. */
  lastContactAt: Date | null;
  /** The response window that passed, counted as on the case page. */
  answerDue: Countdown | null;
  suggestion: EscalationSuggestion;
  /** Open `need` questions in priority order; the email shows the first few. */
  needQuestions: string[];
  /** The single follow-up sent one business day after the first email. */
  reminder: boolean;
}

const SHOWN_NEED_QUESTIONS = 3;

// The seed checklist's advice for any contact, in our words.
const contactReminders = [
  "Note the representative's name and the time you spoke.",
  "Decide what not to disclose before you start: a company rarely needs your full SIN or SSN, and never your password or a one-time code.",
  "Record the call where it is allowed. In a chat, ask for the transcript by email.",
];

function escalationSubject(input: EscalationEmailInput): string {
  const waited = businessDaysLabel(input.waitedBusinessDays);
  return input.reminder
    ? `Still no answer from ${input.companyName} after ${waited} — your next step is waiting`
    : `${input.companyName} has not answered in ${waited} — time for a more direct channel`;
}

function SuggestedStep(props: {
  suggestion: EscalationSuggestion;
  companyName: string;
  timeZone: string;
  locale: string;
}) {
  const { suggestion } = props;
  if (suggestion.kind === "verify_first") {
    return (
      <EmailBox>
        <EmailText>
          <strong>Next step: verify a channel first.</strong>
        </EmailText>
        <EmailText>
          {`None of the more direct channels you have for ${props.companyName} is verified yet. Before you call or write, find the number or address on a bill, a statement, the back of your card, or the official website whose address you type in yourself — not from a search ad, a link in a message, or someone who contacted you. Then mark the channel verified in the case.`}
        </EmailText>
      </EmailBox>
    );
  }
  const verified = suggestion.lastVerifiedAt
    ? `last verified ${readableDate(suggestion.lastVerifiedAt, props)}`
    : "no verification date recorded";
  return (
    <EmailBox>
      <EmailText>
        <strong>{`Next step: ${suggestion.channelLabel} — ${suggestion.value}`}</strong>
      </EmailText>
      <EmailText muted>{`${suggestion.provenanceLabel} (${verified}).`}</EmailText>
    </EmailBox>
  );
}

export function EscalationEmail(props: Omit<EscalationEmailInput, "to">) {
  const waited = businessDaysLabel(props.waitedBusinessDays);
  const shown = props.needQuestions.slice(0, SHOWN_NEED_QUESTIONS);
  const hidden = props.needQuestions.length - shown.length;
  const lastContact = [
    props.lastContactAt && `on ${readableDateTime(props.lastContactAt, props)}`,
    props.lastChannelLabel && `through ${props.lastChannelLabel}`,
  ].filter(Boolean);
  const lastChannel =
    lastContact.length > 0 ? ` Your last contact was ${lastContact.join(", ")}.` : "";
  return (
    <EmailLayout
      preview={`${props.companyName} has not answered in ${waited}. Here is your next step.`}
      settingsUrl={props.settingsUrl}
    >
      <EmailHeading>
        {props.reminder
          ? `Still no answer from ${props.companyName}`
          : `Time for a more direct channel with ${props.companyName}`}
      </EmailHeading>
      <EmailText>{`Hello ${props.userName},`}</EmailText>
      <EmailText>
        {`Your case “${props.caseTitle}” has waited ${waited} for an answer from ${props.companyName}.${lastChannel}`}
      </EmailText>
      {props.answerDue && (
        <EmailText>{`${deadlineLabels.response_window}: ${readableCountdown(props.answerDue, props)}.`}</EmailText>
      )}
      <SuggestedStep
        suggestion={props.suggestion}
        companyName={props.companyName}
        timeZone={props.timeZone}
        locale={props.locale}
      />

      <EmailSubheading>What you need answered</EmailSubheading>
      {shown.length > 0 ? (
        <EmailList numbered items={shown} />
      ) : (
        <EmailText>
          No open questions yet. Add the most important one to the case before you contact them.
        </EmailText>
      )}
      {hidden > 0 && (
        <EmailText
          muted
        >{`${hidden} more open ${hidden === 1 ? "question" : "questions"} in the case.`}</EmailText>
      )}

      <EmailSubheading>Before you contact them</EmailSubheading>
      <EmailList items={contactReminders} />

      <EmailButton href={props.caseUrl}>Open the case</EmailButton>
    </EmailLayout>
  );
}

export function escalationEmail(input: EscalationEmailInput): Promise<OutgoingEmail> {
  return renderEmail(input.to, escalationSubject(input), <EscalationEmail {...input} />);
}
