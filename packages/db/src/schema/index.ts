export * from "./auth";
export * from "./enums";
export * from "./domain";
export * from "./relations";
export * from "./audit";
export * from "./inbound";
