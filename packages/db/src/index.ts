export * from "drizzle-orm/sql";
export { alias } from "drizzle-orm/pg-core";
export { getTableColumns } from "drizzle-orm";
export type { Database, Executor, Transaction } from "./client";
