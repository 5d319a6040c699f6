// Apps run core from source with their own tsconfig (tsx in the worker): the JSX runtime is pinned here.
/** @jsxRuntime automatic @jsxImportSource react */
import type { OutgoingEmail } from "../mailer";
import { readableDateTime } from "./format";
import type { CaseEmailInput } from "./layout";
import { EmailBox, EmailButton, EmailHeading, EmailLayout, EmailText, renderEmail } from "./layout";

export interface PromiseDueEmailInput extends CaseEmailInput {
  /** What the representative promised, in the user's words. */
  promise: string;
  dueAt: Date;
  representativeName: string | null;
  referenceNumber: string | null;
}

export function PromiseDueEmail(props: Omit<PromiseDueEmailInput, "to">) {
  const due = readableDateTime(props.dueAt, props);
  const who = props.representativeName
    ? `${props.representativeName} at ${props.companyName}`
    : props.companyName;
  return (
    <EmailLayout
      preview={`${props.companyName} promised something by ${due}.`}
      settingsUrl={props.settingsUrl}
    >
      <EmailHeading>{`Did ${props.companyName} keep its promise?`}</EmailHeading>
      <EmailText>{`Hello ${props.userName},`}</EmailText>
      <EmailText>{`In your case “${props.caseTitle}”, ${who} promised this by ${due}:`}</EmailText>
      <EmailBox>
        <EmailText>{props.promise}</EmailText>
        {props.referenceNumber && (
          <EmailText muted>{`Reference number: ${props.referenceNumber}`}</EmailText>
        )}
      </EmailBox>
      <EmailText>
        If it happened, log it in the case so the clock stops. If it did not, contact them again and
        quote the reference number and the name of the person who promised it.
      </EmailText>
      <EmailButton href={props.caseUrl}>Open the case</EmailButton>
    </EmailLayout>
  );
}

export function promiseDueEmail(input: PromiseDueEmailInput): Promise<OutgoingEmail> {
  const subject = `Did ${input.companyName} keep its promise? It was due ${readableDateTime(input.dueAt, input)}`;
  return renderEmail(input.to, subject, <PromiseDueEmail {...input} />);
}
