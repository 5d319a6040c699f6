// Apps run core from source with their own tsconfig (tsx in the worker): the JSX runtime is pinned here.
/** @jsxRuntime automatic @jsxImportSource react */
import type { Countdown } from "../../calendar/clock";
import { languageOf } from "../../i18n/locale";
import { vocabulary } from "../../labels";
import type { OutgoingEmail } from "../mailer";
import {
  businessDaysLabel,
  emailWords,
  readableCountdown,
  readableDate,
  readableDateTime,
} from "./format";
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
const contactReminders = ["reminderName", "reminderDisclose", "reminderRecord"] as const;

function escalationSubject(input: EscalationEmailInput): string {
  const t = emailWords(input.locale);
  const values = {
    company: input.companyName,
    waited: businessDaysLabel(input.waitedBusinessDays, input.locale),
  };
  return input.reminder ? t("escalation.reminderSubject", values) : t("escalation.subject", values);
}

function SuggestedStep(props: {
  suggestion: EscalationSuggestion;
  companyName: string;
  timeZone: string;
  locale: string;
}) {
  const { suggestion } = props;
  const t = emailWords(props.locale);
  if (suggestion.kind === "verify_first") {
    return (
      <EmailBox>
        <EmailText>
          <strong>{t("escalation.verifyFirstTitle")}</strong>
        </EmailText>
        <EmailText>{t("escalation.verifyFirst", { company: props.companyName })}</EmailText>
      </EmailBox>
    );
  }
  const provenance = suggestion.provenanceLabel;
  return (
    <EmailBox>
      <EmailText>
        <strong>
          {t("escalation.nextStep", { channel: suggestion.channelLabel, value: suggestion.value })}
        </strong>
      </EmailText>
      <EmailText muted>
        {suggestion.lastVerifiedAt
          ? t("escalation.lastVerified", {
              provenance,
              date: readableDate(suggestion.lastVerifiedAt, props),
            })
          : t("escalation.neverVerified", { provenance })}
      </EmailText>
    </EmailBox>
  );
}

/** "Your last contact was on …, through …", or nothing when there was none. */
function lastContactSentence(props: Omit<EscalationEmailInput, "to">): string {
  const t = emailWords(props.locale);
  const when = props.lastContactAt && readableDateTime(props.lastContactAt, props);
  const channel = props.lastChannelLabel;
  if (when && channel) return ` ${t("escalation.lastContactWhenHow", { when, channel })}`;
  if (when) return ` ${t("escalation.lastContactWhen", { when })}`;
  if (channel) return ` ${t("escalation.lastContactHow", { channel })}`;
  return "";
}

export function EscalationEmail(props: Omit<EscalationEmailInput, "to">) {
  const t = emailWords(props.locale);
  const waited = businessDaysLabel(props.waitedBusinessDays, props.locale);
  const company = props.companyName;
  const shown = props.needQuestions.slice(0, SHOWN_NEED_QUESTIONS);
  const hidden = props.needQuestions.length - shown.length;
  const deadline = vocabulary(languageOf(props.locale)).deadline.response_window;
  return (
    <EmailLayout
      preview={t("escalation.preview", { company, waited })}
      settingsUrl={props.settingsUrl}
      locale={props.locale}
    >
      <EmailHeading>
        {props.reminder
          ? t("escalation.reminderHeading", { company })
          : t("escalation.heading", { company })}
      </EmailHeading>
      <EmailText>{t("hello", { name: props.userName })}</EmailText>
      <EmailText>
        {t("escalation.waited", { title: props.caseTitle, waited, company }) +
          lastContactSentence(props)}
      </EmailText>
      {props.answerDue && (
        <EmailText>
          {t("escalation.answerDue", {
            label: deadline,
            countdown: readableCountdown(props.answerDue, props),
          })}
        </EmailText>
      )}
      <SuggestedStep
        suggestion={props.suggestion}
        companyName={props.companyName}
        timeZone={props.timeZone}
        locale={props.locale}
      />

      <EmailSubheading>{t("escalation.questionsHeading")}</EmailSubheading>
      {shown.length > 0 ? (
        <EmailList numbered items={shown} />
      ) : (
        <EmailText>{t("escalation.noQuestions")}</EmailText>
      )}
      {hidden > 0 && (
        <EmailText muted>{t("escalation.moreQuestions", { count: hidden })}</EmailText>
      )}

      <EmailSubheading>{t("escalation.beforeHeading")}</EmailSubheading>
      <EmailList items={contactReminders.map((key) => t(`escalation.${key}`))} />

      <EmailButton href={props.caseUrl}>{t("openCase")}</EmailButton>
    </EmailLayout>
  );
}

export function escalationEmail(input: EscalationEmailInput): Promise<OutgoingEmail> {
  return renderEmail(input.to, escalationSubject(input), <EscalationEmail {...input} />);
}
