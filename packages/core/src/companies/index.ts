export * from "./schemas";
export * from "./official-domain";
export * from "./domain-list";
export * from "./company-domains";
export * from "./company-service";
