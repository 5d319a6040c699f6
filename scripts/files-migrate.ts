// `pnpm files:migrate`: moves the uploaded files of an install from before files lived in
// PostgreSQL (one encrypted file per attachment under UPLOAD_DIR, by default DATA_DIR/uploads)
// into the database, then removes them from the disk (docs/scaling.md, Files). Safe to stop and
// run again: it only does what is left, and with nothing left it changes nothing. `pnpm start`
// runs it when that folder holds files. The key ring comes from ENCRYPTION_KEYS, else from
// DATA_DIR/encryption-keys; the database from DATABASE_URL, else the embedded one under
// DATA_DIR (stop `pnpm start` first).
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";

import { moveFilesIntoDatabase } from "@caseward/core";
import { SingleBar } from "cli-progress";

import { openLocalDatabase, useLocalKeyRing } from "./local-install";

// Progress and results go to stdout, as the progress bar does.
const say = (line: string) => process.stdout.write(`${line}\n`);
const fail = (message: string): never => {
  console.error(`[files:migrate] ${message}`);
  process.exit(1);
};
const dataDir = resolve(process.env.DATA_DIR ?? ".data");
const uploadDir = resolve(process.env.UPLOAD_DIR ?? join(dataDir, "uploads"));

if (!existsSync(uploadDir)) {
  say(`[files:migrate] nothing to move: there is no ${uploadDir}.`);
  process.exit(0);
}
useLocalKeyRing(dataDir, fail);

const { db, close } = await openLocalDatabase(dataDir, (line) => say(`[files:migrate] ${line}`));
const bar = new SingleBar({
  format: "[files:migrate] files {bar} {percentage}% | {value}/{total}",
  hideCursor: true,
});
let started = false;
try {
  const report = await moveFilesIntoDatabase(db, {
    uploadDir,
    onProgress: ({ done, total }) => {
      if (!started) {
        started = true;
        bar.start(total, done);
      } else bar.update(done);
    },
  });
  bar.stop();
  say(
    `[files:migrate] moved ${report.moved} files from ${uploadDir} into the database; removed ${report.leftoversRemoved} files no attachment pointed at.`,
  );
  if (report.missing.length > 0) {
    say(
      `[files:migrate] ${report.missing.length} attachments have no file on disk (they cannot be opened; delete them in the app): ${report.missing.join(", ")}`,
    );
  }
  if (report.damaged.length > 0) {
    say(
      `[files:migrate] ${report.damaged.length} files could not be read (damaged, or under a key not in ENCRYPTION_KEYS) or do not match their attachment's size and SHA-256, and were left on disk: ${report.damaged.join(", ")}`,
    );
  }
  if (report.unknownFolders > 0) {
    say(
      `[files:migrate] ${report.unknownFolders} folders under ${uploadDir} belong to no user of this database and were left alone: is DATABASE_URL the right one?`,
    );
  }
  if (report.missing.length + report.damaged.length > 0) process.exitCode = 1;
} finally {
  bar.stop();
  await close();
}
