export * from "./audit-service";
export * from "./request-origin";
