// Apps run core from source with their own tsconfig (tsx in the worker): the JSX runtime is pinned here.
/** @jsxRuntime automatic @jsxImportSource react */
import type { OutgoingEmail } from "../mailer";
import { emailWords, readableDateTime } from "./format";
import { renderFilled } from "./filled";
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

/** The shape and the preformatted values of one red-flag email. */
function redFlagParts(props: Omit<RedFlagEmailInput, "to">) {
  const t = emailWords(props.locale);
  const slots: Record<string, string> = {
    company: props.companyName,
    userName: props.userName,
    caseTitle: props.caseTitle,
    when: readableDateTime(props.contactAt, props),
    caseUrl: props.caseUrl,
    settingsUrl: props.settingsUrl,
  };
  props.flags.forEach((flag, i) => {
    slots[`title${i}`] = flag.title;
    slots[`meaning${i}`] = flag.meaning;
    slots[`advice${i}`] = flag.advice;
  });
  const shape = { locale: props.locale, flags: props.flags.length };
  const preview = t("redFlag.preview", { company: slots.company! });
  return { shape, slots, preview };
}
type RedFlagParts = ReturnType<typeof redFlagParts>;

function RedFlagMarkup(props: {
  shape: RedFlagParts["shape"];
  s: Record<string, string>;
  preview: string;
}) {
  const { shape, s } = props;
  const t = emailWords(shape.locale);
  const company = s.company!;
  return (
    <EmailLayout preview={props.preview} settingsUrl={s.settingsUrl!} locale={shape.locale}>
      <EmailHeading>{t("redFlag.heading", { company })}</EmailHeading>
      <EmailText>{t("hello", { name: s.userName! })}</EmailText>
      <EmailText>{t("redFlag.intro", { title: s.caseTitle!, when: s.when! })}</EmailText>
      {Array.from({ length: shape.flags }, (_, i) => (
        <EmailBox key={i}>
          <EmailSubheading>{s[`title${i}`]!}</EmailSubheading>
          <EmailText>{s[`meaning${i}`]!}</EmailText>
          <EmailText>{t("redFlag.whatToDo", { advice: s[`advice${i}`]! })}</EmailText>
        </EmailBox>
      ))}
      <EmailText>{t("redFlag.whenInDoubt")}</EmailText>
      <EmailButton href={s.caseUrl!}>{t("openCase")}</EmailButton>
    </EmailLayout>
  );
}

/** The email as React renders it, every time (the reference the filled-in one must equal). */
export function RedFlagEmail(props: Omit<RedFlagEmailInput, "to">) {
  const { shape, slots, preview } = redFlagParts(props);
  return <RedFlagMarkup shape={shape} s={slots} preview={preview} />;
}

const redFlagSubject = (input: RedFlagEmailInput) =>
  emailWords(input.locale)("redFlag.subject", { company: input.companyName });

/** The email rendered in full (the tests' reference for the filled-in one). */
export function redFlagEmailRendered(input: RedFlagEmailInput): Promise<OutgoingEmail> {
  return renderEmail(input.to, redFlagSubject(input), <RedFlagEmail {...input} />);
}

/** The email, filled into the pieces of its shape once rendered (./filled.ts). */
export async function redFlagEmail(input: RedFlagEmailInput): Promise<OutgoingEmail> {
  const { shape, slots, preview } = redFlagParts(input);
  const parts = await renderFilled(JSON.stringify(shape), slots, preview, (s, p) => (
    <RedFlagMarkup shape={shape} s={s} preview={p} />
  ));
  return { to: input.to, subject: redFlagSubject(input), ...parts };
}
