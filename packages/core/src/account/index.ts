export * from "./account-data";
export * from "./account-export";
export * from "./delete-account";
export * from "./sessions";
