// `pnpm keys:rotate [--new-key]`: re-encrypts every value and stored file chunk not under
// the first key of the ring (docs/security.md, Encryption at rest). The ring comes from
// ENCRYPTION_KEYS, else from DATA_DIR/encryption-keys (`pnpm start`); the database from
// DATABASE_URL, else the embedded one under DATA_DIR (stop `pnpm start` first).
// `--new-key` first puts a new key in front of the local ring file.
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";

import type { RotationProgress } from "@caseward/core";
import { rotateEncryptionKeys } from "@caseward/core";
import { keyRingFile, newKeyEntry } from "@caseward/db/encryption";
import { SingleBar } from "cli-progress";

import { openLocalDatabase, useLocalKeyRing } from "./local-install";

// Progress and results go to stdout, as the progress bar does.
const say = (line: string) => process.stdout.write(`${line}\n`);
const fail = (message: string): never => {
  console.error(`[keys:rotate] ${message}`);
  process.exit(1);
};
const dataDir = resolve(process.env.DATA_DIR ?? ".data");

/** A new key in front of the local ring file; its id is the next `kN`. */
function addLocalKey() {
  if (process.env.ENCRYPTION_KEYS) {
    const entry = newKeyEntry(`k${Date.now().toString(36)}`, randomBytes(32));
    fail(
      `ENCRYPTION_KEYS is set, so the ring is yours to change: put this entry first in it, restart web and worker, then run pnpm keys:rotate:\n${entry}`,
    );
  }
  const file = keyRingFile(dataDir);
  if (!existsSync(file)) fail(`There is no ${file} yet: start Caseward once with pnpm start.`);
  const ring = readFileSync(file, "utf8").trim();
  const numbers = ring.split(",").map((e) => Number(/^k(\d+):/.exec(e.trim())?.[1] ?? 0));
  const entry = newKeyEntry(`k${Math.max(0, ...numbers) + 1}`, randomBytes(32));
  const next = `${file}.${randomBytes(4).toString("hex")}.tmp`;
  writeFileSync(next, `${entry},${ring}\n`, { mode: 0o600, flag: "wx" });
  renameSync(next, file);
  say(`[keys:rotate] new key ${entry.split(":")[0]} put first in ${file}`);
}

if (process.argv.includes("--new-key")) addLocalKey();
useLocalKeyRing(dataDir, fail);

const { db, close } = await openLocalDatabase(dataDir, (line) => say(`[keys:rotate] ${line}`));
const bar = new SingleBar({
  format: "[keys:rotate] {phase} {bar} {percentage}% | {value}/{total}",
  hideCursor: true,
});
let phase: RotationProgress["phase"] | null = null;
try {
  const report = await rotateEncryptionKeys(db, {
    onProgress: (progress) => {
      if (progress.phase !== phase) {
        if (phase) bar.stop();
        phase = progress.phase;
        bar.start(progress.total, progress.done, { phase: progress.phase.padEnd(11) });
      } else bar.update(progress.done);
    },
  });
  bar.stop();
  const rows = Object.entries(report.rows)
    .filter(([, n]) => n > 0)
    .map(([table, n]) => `${n} ${table.replaceAll("_", " ")}`);
  say(
    `[keys:rotate] re-encrypted ${rows.length > 0 ? rows.join(", ") : "no rows"}, ${report.files.reencryptedChunks} chunks of files (${report.files.rehashed} file hashes made again), ${report.inbound.reencryptedChunks} chunks of received emails ${report.inbound.rehashedTokens} inbound address hashes and ${report.calendarTokens} calendar feed hashes. Older keys can leave ENCRYPTION_KEYS once no run finds anything left.`,
  );
  if (report.files.onDisk > 0) {
    say(
      `[keys:rotate] ${report.files.onDisk} files are still on disk, under the key they were written with: run pnpm files:migrate, then pnpm keys:rotate again, before an older key leaves the ring.`,
    );
  }
} finally {
  bar.stop();
  await close();
}
