import type { OutgoingEmail } from "../mailer";
import { escapeHtml, layout } from "./layout";

export function welcomeEmail(input: { to: string; name: string; appUrl: string }): OutgoingEmail {
  const steps = [
    "Add the companies you are dealing with and their official website.",
    "Add the channels you found for each one, and where you found them.",
    "Open a case for each problem, then log every contact: who you spoke to, when, and the reference number.",
  ];
  const text = [
    `Hello ${input.name},`,
    "",
    "Welcome to Caseward. Here is how to start:",
    ...steps.map((step, i) => `${i + 1}. ${step}`),
    "",
    `Open your dashboard: ${input.appUrl}`,
  ].join("\n");
  const html = layout(
    `<p>Hello ${escapeHtml(input.name)},</p>
     <p>Welcome to Caseward. Here is how to start:</p>
     <ol>${steps.map((step) => `<li>${escapeHtml(step)}</li>`).join("")}</ol>
     <p><a href="${escapeHtml(input.appUrl)}">Open your dashboard</a></p>`,
  );
  return { to: input.to, subject: "Welcome to Caseward", text, html };
}
