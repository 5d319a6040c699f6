import "@caseward/services/vitest-context";

export * from "./database";
export * from "./domain-error";
export * from "./contact";
