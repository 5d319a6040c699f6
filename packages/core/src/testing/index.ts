import "./vitest-context";

export * from "./database";
export * from "./domain-error";
