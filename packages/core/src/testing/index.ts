import "@caseward/services/vitest-context";

export * from "./database";
