// What the browser may import: input schemas and pure rules, no database or Node code.
export * from "./companies/schemas";
export * from "./companies/official-domain";
export * from "./channels/schemas";
export * from "./cases/schemas";
export * from "./cases/status";
export * from "./contacts/schemas";
export * from "@caseward/db/vocabulary";
export * from "./labels";
