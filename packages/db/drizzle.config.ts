import { defineConfig } from "drizzle-kit";

import { databaseUrlFromEnv } from "./src/env";

export default defineConfig({
  dialect: "postgresql",
  schema: "./src/schema/index.ts",
  out: "./migrations",
  dbCredentials: { url: databaseUrlFromEnv() ?? "postgres://postgres@127.0.0.1:5432/postgres" },
});
