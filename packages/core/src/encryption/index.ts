export * from "./rotate-keys";
