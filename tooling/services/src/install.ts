// One namespace per install (issue 16): `pnpm start` without REDIS_URL may use a Redis that
// another install uses too (the machine's on 6379). Each install's queues, throttle counts and
// session copies live under a queue prefix of its own, made once from a random id kept with its
// data: two installs on one Redis never take each other's jobs. Nothing personal is in it.
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const installIdShape = /^[a-z0-9]{12}$/;

/** The install's id, made once into `dataDir/install-id` (a random one, never a name or host). */
export function installId(dataDir: string): string {
  const file = join(dataDir, "install-id");
  try {
    const kept = readFileSync(file, "utf8").trim();
    if (installIdShape.test(kept)) return kept;
  } catch {
    // Not made yet.
  }
  mkdirSync(dataDir, { recursive: true });
  const id = randomBytes(9)
    .toString("base64url")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "0");
  try {
    writeFileSync(file, `${id}\n`, { flag: "wx", mode: 0o600 });
    return id;
  } catch {
    // Another process of this install made it first (or the file was unreadable): use its id.
    const kept = readFileSync(file, "utf8").trim();
    if (installIdShape.test(kept)) return kept;
    writeFileSync(file, `${id}\n`, { mode: 0o600 });
    return id;
  }
}

/** The QUEUE_PREFIX of the install in `dataDir`: `caseward-<its id>`. */
export const installQueuePrefix = (dataDir: string) => `caseward-${installId(dataDir)}`;
