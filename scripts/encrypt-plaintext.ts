// Run by `pnpm db:migrate` (and so by `pnpm start`) after the SQL migrations: encrypts what an
// install from an older version still holds in the clear in columns encrypted since (case
// titles, file names, privacy notes… migration 0012), and makes plain SHA-256 content hashes
// keyed. A SQL migration cannot: the key ring is not in the database. With nothing left it
// only counts. The ring and database are found as `pnpm keys:rotate` finds them.
import { resolve } from "node:path";

import { encryptPlaintextRows } from "@caseward/core";

import { openLocalDatabase, useLocalKeyRing } from "./local-install";

const say = (line: string) => process.stdout.write(`[db:migrate] ${line}\n`);
const fail = (message: string): never => {
  console.error(`[db:migrate] ${message}`);
  process.exit(1);
};
const dataDir = resolve(process.env.DATA_DIR ?? ".data");

useLocalKeyRing(dataDir, fail);
const { db, close } = await openLocalDatabase(dataDir, say);
try {
  const report = await encryptPlaintextRows(db);
  const rows = Object.values(report.rows).reduce((sum, n) => sum + n, 0);
  if (rows + report.files.rehashed > 0) {
    say(
      `encrypted ${rows} rows stored in the clear and made ${report.files.rehashed} file hashes keyed.`,
    );
  }
} finally {
  await close();
}
