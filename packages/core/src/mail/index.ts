export * from "./mailer";
export * from "./dev-mailbox";
export * from "./templates/welcome";
