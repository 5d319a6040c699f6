// Apps run core from source with their own tsconfig (tsx in the worker): the JSX runtime is pinned here.
/** @jsxRuntime automatic @jsxImportSource react */
import type { OutgoingEmail } from "../mailer";
import { emailWords, readableDate } from "./format";
import type { CaseEmailInput } from "./layout";
import {
  EmailBox,
  EmailButton,
  EmailHeading,
  EmailLayout,
  EmailSubheading,
  EmailText,
  renderEmail,
} from "./layout";

export interface RegulatorEligibleEmailInput extends CaseEmailInput {
  /** The complaint as the user drafted it; line breaks are kept. */
  complaintBody: string;
  eligibleSince: Date;
}

/** Keeps the user's line breaks in both parts without any HTML of our own making. */
function Lines(props: { text: string }) {
  const lines = props.text.split(/\r?\n/);
  return lines.map((line, i) => (
    <span key={i}>
      {line}
      {i < lines.length - 1 && <br />}
    </span>
  ));
}

export function RegulatorEligibleEmail(props: Omit<RegulatorEligibleEmailInput, "to">) {
  const t = emailWords(props.locale);
  const company = props.companyName;
  const since = readableDate(props.eligibleSince, props);
  return (
    <EmailLayout
      preview={t("regulator.preview", { since, company })}
      settingsUrl={props.settingsUrl}
      locale={props.locale}
    >
      <EmailHeading>{t("regulator.heading", { company })}</EmailHeading>
      <EmailText>{t("hello", { name: props.userName })}</EmailText>
      <EmailText>{t("regulator.intro", { since, title: props.caseTitle, company })}</EmailText>
      <EmailSubheading>{t("regulator.complaintHeading")}</EmailSubheading>
      <EmailBox>
        <EmailText>
          <Lines text={props.complaintBody} />
        </EmailText>
      </EmailBox>
      <EmailButton href={props.caseUrl}>{t("openCase")}</EmailButton>
    </EmailLayout>
  );
}

export function regulatorEligibleEmail(input: RegulatorEligibleEmailInput): Promise<OutgoingEmail> {
  return renderEmail(
    input.to,
    emailWords(input.locale)("regulator.subject", { company: input.companyName }),
    <RegulatorEligibleEmail {...input} />,
  );
}
