// Apps run core from source with their own tsconfig (tsx in the worker): the JSX runtime is pinned here.
/** @jsxRuntime automatic @jsxImportSource react */
import type { OutgoingEmail } from "../mailer";
import { emailWords } from "./format";
import { EmailButton, EmailLayout, EmailList, EmailText, renderEmail } from "./layout";

export interface WelcomeEmailInput {
  to: string;
  name: string;
  appUrl: string;
  settingsUrl: string;
  /** The language the account was created in (its settings' locale). */
  locale: string;
}

const firstSteps = ["stepCompanies", "stepChannels", "stepCases"] as const;

export function WelcomeEmail(props: Omit<WelcomeEmailInput, "to">) {
  const t = emailWords(props.locale);
  return (
    <EmailLayout
      preview={t("welcome.preview")}
      settingsUrl={props.settingsUrl}
      locale={props.locale}
    >
      <EmailText>{t("hello", { name: props.name })}</EmailText>
      <EmailText>{t("welcome.intro")}</EmailText>
      <EmailList numbered items={firstSteps.map((step) => t(`welcome.${step}`))} />
      <EmailButton href={props.appUrl}>{t("openDashboard")}</EmailButton>
    </EmailLayout>
  );
}

export function welcomeEmail(input: WelcomeEmailInput): Promise<OutgoingEmail> {
  const subject = emailWords(input.locale)("welcome.subject");
  return renderEmail(input.to, subject, <WelcomeEmail {...input} />);
}
