import { databaseUrlFromEnv } from "./env";
import { migrateDatabase } from "./migrate";

const url = databaseUrlFromEnv();
if (!url) {
  console.error("DATABASE_URL is not set: run `pnpm start`, which provides one, or set it.");
  process.exit(1);
}
await migrateDatabase(url);
console.warn("database migrated");
