export * from "drizzle-orm/sql";
export { alias } from "drizzle-orm/pg-core";
export type { SelectedFields } from "drizzle-orm/pg-core";
export type { SelectResultFields } from "drizzle-orm/query-builders/select.types";
export { getTableColumns } from "drizzle-orm";
export type { Database, Executor, Transaction } from "./client";
export { executePrepared, preparedQuery, queryText } from "./prepared";
export { jsonObject, jsonRows, readJsonRow } from "./json-rows";
export type { JsonFields, JsonRow } from "./json-rows";
