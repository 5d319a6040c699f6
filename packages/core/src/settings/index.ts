export * from "./schemas";
export * from "./settings-service";
