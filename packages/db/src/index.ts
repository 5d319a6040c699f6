export * from "drizzle-orm/sql";
export { alias } from "drizzle-orm/pg-core";
export type { Database } from "./client";
