import { chmod, lstat, readdir } from "node:fs/promises";
import { join } from "node:path";

// What Caseward keeps on local disk (.data: the dev mailbox's reset links, secrets, keys,
// the embedded database) is readable by the account that runs it only (issue 18, finding 2).
export const ownerOnlyDirMode = 0o700;
export const ownerOnlyFileMode = 0o600;

/**
 * Makes a tree owner-only: folders 700, files 600 (links are left alone). For an install made
 * before this rule; new files are created so. `topMode` keeps the top folder's mode when another
 * account must reach through it (as root, the embedded PostgreSQL runs as `postgres`).
 * Returns how many entries it changed.
 */
export async function makeOwnerOnly(
  root: string,
  options: { topMode?: number } = {},
): Promise<number> {
  let changed = 0;
  const visit = async (path: string, top: boolean) => {
    const info = await lstat(path).catch(() => null);
    if (!info || info.isSymbolicLink()) return;
    const wanted = info.isDirectory()
      ? top && options.topMode !== undefined
        ? options.topMode
        : ownerOnlyDirMode
      : ownerOnlyFileMode;
    if (info.isDirectory() || info.isFile()) {
      if ((info.mode & 0o777) !== wanted) {
        await chmod(path, wanted);
        changed += 1;
      }
    }
    if (info.isDirectory()) {
      for (const name of await readdir(path)) await visit(join(path, name), false);
    }
  };
  await visit(root, true);
  return changed;
}
