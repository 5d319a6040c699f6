// Apps run core from source with their own tsconfig (tsx in the worker): the JSX runtime is pinned here.
/** @jsxRuntime automatic @jsxImportSource react */
import type { OutgoingEmail } from "../mailer";
import { readableDate } from "./format";
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
  const since = readableDate(props.eligibleSince, props);
  return (
    <EmailLayout
      preview={`Since ${since} you can take your complaint about ${props.companyName} to a regulator or ombudsman.`}
      settingsUrl={props.settingsUrl}
    >
      <EmailHeading>{`You can now complain about ${props.companyName} to a regulator`}</EmailHeading>
      <EmailText>{`Hello ${props.userName},`}</EmailText>
      <EmailText>
        {`Since ${since}, your case “${props.caseTitle}” can go to the regulator or ombudsman that covers ${props.companyName}. They usually ask for the dates of your contacts, the names of the people you spoke to and the reference numbers: everything you logged is in the case.`}
      </EmailText>
      <EmailSubheading>Your complaint</EmailSubheading>
      <EmailBox>
        <EmailText>
          <Lines text={props.complaintBody} />
        </EmailText>
      </EmailBox>
      <EmailButton href={props.caseUrl}>Open the case</EmailButton>
    </EmailLayout>
  );
}

export function regulatorEligibleEmail(input: RegulatorEligibleEmailInput): Promise<OutgoingEmail> {
  return renderEmail(
    input.to,
    `You can now take your complaint about ${input.companyName} to a regulator`,
    <RegulatorEligibleEmail {...input} />,
  );
}
