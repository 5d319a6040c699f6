export * from "./length";
export * from "./rules";
