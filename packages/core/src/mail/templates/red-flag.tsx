// Apps run core from source with their own tsconfig (tsx in the worker): the JSX runtime is pinned here.
/** @jsxRuntime automatic @jsxImportSource react */
import type { OutgoingEmail } from "../mailer";
import { readableDateTime } from "./format";
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
  const when = readableDateTime(props.contactAt, props);
  return (
    <EmailLayout
      preview={`Warning signs in your contact with ${props.companyName}: what to do now.`}
      settingsUrl={props.settingsUrl}
    >
      <EmailHeading>{`Warning signs in your contact with ${props.companyName}`}</EmailHeading>
      <EmailText>{`Hello ${props.userName},`}</EmailText>
      <EmailText>
        {`In your case “${props.caseTitle}”, the contact of ${when} showed signs that the person you dealt with may not be who they claimed. Here is what each means and what to do.`}
      </EmailText>
      {props.flags.map((flag) => (
        <EmailBox key={flag.title}>
          <EmailSubheading>{flag.title}</EmailSubheading>
          <EmailText>{flag.meaning}</EmailText>
          <EmailText>{`What to do: ${flag.advice}`}</EmailText>
        </EmailBox>
      ))}
      <EmailText>
        When in doubt, hang up and reach the company yourself on a channel you verified (the back of
        your card, a statement, the official website).
      </EmailText>
      <EmailButton href={props.caseUrl}>Open the case</EmailButton>
    </EmailLayout>
  );
}

export function redFlagEmail(input: RedFlagEmailInput): Promise<OutgoingEmail> {
  const subject = `Warning signs in your contact with ${input.companyName}: what to do now`;
  return renderEmail(input.to, subject, <RedFlagEmail {...input} />);
}
