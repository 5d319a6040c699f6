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
import { renderFilled } from "./filled";
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

/** Everything of an escalation email that changes its markup (the values are its slots). */
interface EscalationShape {
  locale: string;
  reminder: boolean;
  answerDue: boolean;
  /** The suggested step: a verified channel (with or without a date), or verify one first. */
  suggestion: "verified_on" | "never_verified" | "verify_first";
  /** Which parts of "your last contact was on …, through …" there are. */
  lastContact: "when_how" | "when" | "how" | "none";
  /** Need questions shown (at most `SHOWN_NEED_QUESTIONS`), and how many more there are. */
  shown: number;
  hidden: number;
}

/** The email's values, each formatted on the reader's clock and in their language. */
type EscalationSlots = Record<string, string>;

/** The shape and the preformatted values of one escalation email. */
function escalationParts(props: Omit<EscalationEmailInput, "to">) {
  const t = emailWords(props.locale);
  const { suggestion } = props;
  const when = props.lastContactAt && readableDateTime(props.lastContactAt, props);
  const channel = props.lastChannelLabel;
  const shown = props.needQuestions.slice(0, SHOWN_NEED_QUESTIONS);
  const slots: EscalationSlots = {
    company: props.companyName,
    userName: props.userName,
    caseTitle: props.caseTitle,
    waited: businessDaysLabel(props.waitedBusinessDays, props.locale),
    caseUrl: props.caseUrl,
    settingsUrl: props.settingsUrl,
  };
  if (when) slots.when = when;
  if (channel) slots.channel = channel;
  if (props.answerDue) slots.countdown = readableCountdown(props.answerDue, props);
  if (suggestion.kind === "channel") {
    slots.channelLabel = suggestion.channelLabel;
    slots.channelValue = suggestion.value;
    slots.provenance = suggestion.provenanceLabel;
    if (suggestion.lastVerifiedAt) {
      slots.verifiedOn = readableDate(suggestion.lastVerifiedAt, props);
    }
  }
  shown.forEach((question, i) => (slots[`question${i}`] = question));
  const shape: EscalationShape = {
    locale: props.locale,
    reminder: props.reminder,
    answerDue: Boolean(props.answerDue),
    suggestion:
      suggestion.kind === "verify_first"
        ? "verify_first"
        : suggestion.lastVerifiedAt
          ? "verified_on"
          : "never_verified",
    lastContact: when && channel ? "when_how" : when ? "when" : channel ? "how" : "none",
    shown: shown.length,
    hidden: props.needQuestions.length - shown.length,
  };
  const preview = t("escalation.preview", { company: slots.company!, waited: slots.waited! });
  return { shape, slots, preview };
}

function SuggestedStep(props: { shape: EscalationShape; s: EscalationSlots }) {
  const { shape, s } = props;
  const t = emailWords(shape.locale);
  if (shape.suggestion === "verify_first") {
    return (
      <EmailBox>
        <EmailText>
          <strong>{t("escalation.verifyFirstTitle")}</strong>
        </EmailText>
        <EmailText>{t("escalation.verifyFirst", { company: s.company! })}</EmailText>
      </EmailBox>
    );
  }
  const provenance = s.provenance!;
  return (
    <EmailBox>
      <EmailText>
        <strong>
          {t("escalation.nextStep", { channel: s.channelLabel!, value: s.channelValue! })}
        </strong>
      </EmailText>
      <EmailText muted>
        {shape.suggestion === "verified_on"
          ? t("escalation.lastVerified", { provenance, date: s.verifiedOn! })
          : t("escalation.neverVerified", { provenance })}
      </EmailText>
    </EmailBox>
  );
}

/** "Your last contact was on …, through …", or nothing when there was none. */
function lastContactSentence(shape: EscalationShape, s: EscalationSlots): string {
  const t = emailWords(shape.locale);
  const when = s.when!;
  const channel = s.channel!;
  if (shape.lastContact === "when_how") {
    return ` ${t("escalation.lastContactWhenHow", { when, channel })}`;
  }
  if (shape.lastContact === "when") return ` ${t("escalation.lastContactWhen", { when })}`;
  if (shape.lastContact === "how") return ` ${t("escalation.lastContactHow", { channel })}`;
  return "";
}

/** The email from its shape and its preformatted values (`escalationParts`). */
function EscalationMarkup(props: { shape: EscalationShape; s: EscalationSlots; preview: string }) {
  const { shape, s } = props;
  const t = emailWords(shape.locale);
  const company = s.company!;
  const waited = s.waited!;
  const shown = Array.from({ length: shape.shown }, (_, i) => s[`question${i}`]!);
  const deadline = vocabulary(languageOf(shape.locale)).deadline.response_window;
  return (
    <EmailLayout preview={props.preview} settingsUrl={s.settingsUrl!} locale={shape.locale}>
      <EmailHeading>
        {shape.reminder
          ? t("escalation.reminderHeading", { company })
          : t("escalation.heading", { company })}
      </EmailHeading>
      <EmailText>{t("hello", { name: s.userName! })}</EmailText>
      <EmailText>
        {t("escalation.waited", { title: s.caseTitle!, waited, company }) +
          lastContactSentence(shape, s)}
      </EmailText>
      {shape.answerDue && (
        <EmailText>
          {t("escalation.answerDue", { label: deadline, countdown: s.countdown! })}
        </EmailText>
      )}
      <SuggestedStep shape={shape} s={s} />

      <EmailSubheading>{t("escalation.questionsHeading")}</EmailSubheading>
      {shown.length > 0 ? (
        <EmailList numbered items={shown} />
      ) : (
        <EmailText>{t("escalation.noQuestions")}</EmailText>
      )}
      {shape.hidden > 0 && (
        <EmailText muted>{t("escalation.moreQuestions", { count: shape.hidden })}</EmailText>
      )}

      <EmailSubheading>{t("escalation.beforeHeading")}</EmailSubheading>
      <EmailList items={contactReminders.map((key) => t(`escalation.${key}`))} />

      <EmailButton href={s.caseUrl!}>{t("openCase")}</EmailButton>
    </EmailLayout>
  );
}

/** The email as React renders it, every time (the reference the filled-in one must equal). */
export function EscalationEmail(props: Omit<EscalationEmailInput, "to">) {
  const { shape, slots, preview } = escalationParts(props);
  return <EscalationMarkup shape={shape} s={slots} preview={preview} />;
}

/** The email rendered in full, as before the filled-in path (kept for the tests' comparison). */
export function escalationEmailRendered(input: EscalationEmailInput): Promise<OutgoingEmail> {
  return renderEmail(input.to, escalationSubject(input), <EscalationEmail {...input} />);
}

/** The email, filled into the pieces of its shape once rendered (./filled.ts). */
export async function escalationEmail(input: EscalationEmailInput): Promise<OutgoingEmail> {
  const { shape, slots, preview } = escalationParts(input);
  const parts = await renderFilled(JSON.stringify(shape), slots, preview, (s, p) => (
    <EscalationMarkup shape={shape} s={s} preview={p} />
  ));
  return { to: input.to, subject: escalationSubject(input), ...parts };
}
