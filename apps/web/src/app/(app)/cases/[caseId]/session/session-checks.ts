// The session's schema, with zod and `validate`: loaded when the contact is first saved (or once
// the page has settled), not with the page.
export { logContactInput } from "@caseward/core/schemas";
export { validate } from "~/lib/form";
