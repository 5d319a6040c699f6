// Apps run core from source with their own tsconfig (tsx in the worker): the JSX runtime is pinned here.
/** @jsxRuntime automatic @jsxImportSource react */
import type { OutgoingEmail } from "../mailer";
import { emailWords, readableDateTime } from "./format";
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

export interface RedFlagEmailInput extends CaseEmailInput {
  contactAt: Date;
  /** Each warning sign with what it means and what to do, in the order to read them. */
  flags: readonly { title: string; meaning: string; advice: string }[];
}

export function RedFlagEmail(props: Omit<RedFlagEmailInput, "to">) {
  const t = emailWords(props.locale);
  const company = props.companyName;
  const when = readableDateTime(props.contactAt, props);
  return (
    <EmailLayout
      preview={t("redFlag.preview", { company })}
      settingsUrl={props.settingsUrl}
      locale={props.locale}
    >
      <EmailHeading>{t("redFlag.heading", { company })}</EmailHeading>
      <EmailText>{t("hello", { name: props.userName })}</EmailText>
      <EmailText>{t("redFlag.intro", { title: props.caseTitle, when })}</EmailText>
      {props.flags.map((flag) => (
        <EmailBox key={flag.title}>
          <EmailSubheading>{flag.title}</EmailSubheading>
          <EmailText>{flag.meaning}</EmailText>
          <EmailText>{t("redFlag.whatToDo", { advice: flag.advice })}</EmailText>
        </EmailBox>
      ))}
      <EmailText>{t("redFlag.whenInDoubt")}</EmailText>
      <EmailButton href={props.caseUrl}>{t("openCase")}</EmailButton>
    </EmailLayout>
  );
}

export function redFlagEmail(input: RedFlagEmailInput): Promise<OutgoingEmail> {
  const subject = emailWords(input.locale)("redFlag.subject", { company: input.companyName });
  return renderEmail(input.to, subject, <RedFlagEmail {...input} />);
}
