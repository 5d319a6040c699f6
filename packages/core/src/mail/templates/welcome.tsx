// Apps run core from source with their own tsconfig (tsx in the worker): the JSX runtime is pinned here.
/** @jsxRuntime automatic @jsxImportSource react */
import type { OutgoingEmail } from "../mailer";
import { EmailButton, EmailLayout, EmailList, EmailText, renderEmail } from "./layout";

export interface WelcomeEmailInput {
  to: string;
  name: string;
  appUrl: string;
  settingsUrl: string;
}

const firstSteps = [
  "Add the companies you are dealing with and their official website.",
  "Add the channels you found for each one, and where you found them.",
  "Open a case for each problem, then log every contact: who you spoke to, when, and the reference number.",
];

export function WelcomeEmail(props: Omit<WelcomeEmailInput, "to">) {
  return (
    <EmailLayout preview="Here is how to start with Caseward." settingsUrl={props.settingsUrl}>
      <EmailText>{`Hello ${props.name},`}</EmailText>
      <EmailText>Welcome to Caseward. Here is how to start:</EmailText>
      <EmailList numbered items={firstSteps} />
      <EmailButton href={props.appUrl}>Open your dashboard</EmailButton>
    </EmailLayout>
  );
}

export function welcomeEmail(input: WelcomeEmailInput): Promise<OutgoingEmail> {
  return renderEmail(input.to, "Welcome to Caseward", <WelcomeEmail {...input} />);
}
