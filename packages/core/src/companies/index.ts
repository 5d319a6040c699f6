export * from "./schemas";
export * from "./official-domain";
export * from "./company-service";
