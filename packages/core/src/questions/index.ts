export * from "./schemas";
export * from "./question-service";
