// The case page's form schemas, with zod and `validate`: loaded when one of its small forms
// (add a question, the response window) is first submitted, not with the page.
export { addQuestionInput, caseWindowInput } from "@caseward/core/schemas";
export { validate } from "~/lib/form";
