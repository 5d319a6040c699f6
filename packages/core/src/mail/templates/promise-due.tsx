// Apps run core from source with their own tsconfig (tsx in the worker): the JSX runtime is pinned here.
/** @jsxRuntime automatic @jsxImportSource react */
import type { OutgoingEmail } from "../mailer";
import { emailWords, readableDateTime } from "./format";
import { renderFilled } from "./filled";
import type { CaseEmailInput } from "./layout";
import { EmailBox, EmailButton, EmailHeading, EmailLayout, EmailText, renderEmail } from "./layout";

export interface PromiseDueEmailInput extends CaseEmailInput {
  /** What the representative promised, in the user's words. */
  promise: string;
  dueAt: Date;
  representativeName: string | null;
  referenceNumber: string | null;
}

/** The shape and the preformatted values of one promise-due email. */
function promiseDueParts(props: Omit<PromiseDueEmailInput, "to">) {
  const t = emailWords(props.locale);
  const slots: Record<string, string> = {
    company: props.companyName,
    userName: props.userName,
    caseTitle: props.caseTitle,
    due: readableDateTime(props.dueAt, props),
    promise: props.promise,
    caseUrl: props.caseUrl,
    settingsUrl: props.settingsUrl,
  };
  if (props.representativeName) slots.representative = props.representativeName;
  if (props.referenceNumber) slots.reference = props.referenceNumber;
  const shape = {
    locale: props.locale,
    representative: Boolean(props.representativeName),
    reference: Boolean(props.referenceNumber),
  };
  const preview = t("promiseDue.preview", { company: slots.company!, due: slots.due! });
  return { shape, slots, preview };
}
type PromiseDueParts = ReturnType<typeof promiseDueParts>;

function PromiseDueMarkup(props: {
  shape: PromiseDueParts["shape"];
  s: Record<string, string>;
  preview: string;
}) {
  const { shape, s } = props;
  const t = emailWords(shape.locale);
  const company = s.company!;
  const due = s.due!;
  const who = shape.representative
    ? t("promiseDue.whoAt", { name: s.representative!, company })
    : company;
  return (
    <EmailLayout preview={props.preview} settingsUrl={s.settingsUrl!} locale={shape.locale}>
      <EmailHeading>{t("promiseDue.heading", { company })}</EmailHeading>
      <EmailText>{t("hello", { name: s.userName! })}</EmailText>
      <EmailText>{t("promiseDue.promised", { title: s.caseTitle!, who, due })}</EmailText>
      <EmailBox>
        <EmailText>{s.promise!}</EmailText>
        {shape.reference && (
          <EmailText muted>{t("promiseDue.reference", { reference: s.reference! })}</EmailText>
        )}
      </EmailBox>
      <EmailText>{t("promiseDue.advice")}</EmailText>
      <EmailButton href={s.caseUrl!}>{t("openCase")}</EmailButton>
    </EmailLayout>
  );
}

/** The email as React renders it, every time (the reference the filled-in one must equal). */
export function PromiseDueEmail(props: Omit<PromiseDueEmailInput, "to">) {
  const { shape, slots, preview } = promiseDueParts(props);
  return <PromiseDueMarkup shape={shape} s={slots} preview={preview} />;
}

function promiseDueSubject(input: PromiseDueEmailInput) {
  return emailWords(input.locale)("promiseDue.subject", {
    company: input.companyName,
    due: readableDateTime(input.dueAt, input),
  });
}

/** The email rendered in full (the tests' reference for the filled-in one). */
export function promiseDueEmailRendered(input: PromiseDueEmailInput): Promise<OutgoingEmail> {
  return renderEmail(input.to, promiseDueSubject(input), <PromiseDueEmail {...input} />);
}

/** The email, filled into the pieces of its shape once rendered (./filled.ts). */
export async function promiseDueEmail(input: PromiseDueEmailInput): Promise<OutgoingEmail> {
  const { shape, slots, preview } = promiseDueParts(input);
  const parts = await renderFilled(JSON.stringify(shape), slots, preview, (s, p) => (
    <PromiseDueMarkup shape={shape} s={s} preview={p} />
  ));
  return { to: input.to, subject: promiseDueSubject(input), ...parts };
}
