// Apps run core from source with their own tsconfig (tsx in the worker): the JSX runtime is pinned here.
/** @jsxRuntime automatic @jsxImportSource react */
import type { OutgoingEmail } from "../mailer";
import { emailWords, readableDateTime } from "./format";
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
  const t = emailWords(props.locale);
  const company = props.companyName;
  const due = readableDateTime(props.dueAt, props);
  const who = props.representativeName
    ? t("promiseDue.whoAt", { name: props.representativeName, company })
    : company;
  return (
    <EmailLayout
      preview={t("promiseDue.preview", { company, due })}
      settingsUrl={props.settingsUrl}
      locale={props.locale}
    >
      <EmailHeading>{t("promiseDue.heading", { company })}</EmailHeading>
      <EmailText>{t("hello", { name: props.userName })}</EmailText>
      <EmailText>{t("promiseDue.promised", { title: props.caseTitle, who, due })}</EmailText>
      <EmailBox>
        <EmailText>{props.promise}</EmailText>
        {props.referenceNumber && (
          <EmailText muted>
            {t("promiseDue.reference", { reference: props.referenceNumber })}
          </EmailText>
        )}
      </EmailBox>
      <EmailText>{t("promiseDue.advice")}</EmailText>
      <EmailButton href={props.caseUrl}>{t("openCase")}</EmailButton>
    </EmailLayout>
  );
}

export function promiseDueEmail(input: PromiseDueEmailInput): Promise<OutgoingEmail> {
  const subject = emailWords(input.locale)("promiseDue.subject", {
    company: input.companyName,
    due: readableDateTime(input.dueAt, input),
  });
  return renderEmail(input.to, subject, <PromiseDueEmail {...input} />);
}
