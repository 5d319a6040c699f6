import "./vitest-context";

export * from "./database";
