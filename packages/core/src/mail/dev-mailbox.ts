import { chmod, mkdir, readdir, readFile, rm } from "node:fs/promises";
import { join } from "node:path";

import { z } from "zod";

import { ownerOnlyDirMode } from "../local-files";

const mailboxEntry = z.object({
  id: z.string(),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  sentAt: z.string(),
});
export type MailboxEntry = z.infer<typeof mailboxEntry>;

// better-auth's ids and our uuids; anything else is never a folder name.
const userIdShape = /^[A-Za-z0-9_-]{1,64}$/;
/** Emails for no account (none today): kept, shown to no one. */
const noAccountFolder = "_no-account";

/**
 * The dev mailbox folder of one account: mail belongs to the user id, so a later account with
 * the same address never sees it (issue 18, finding 1). Folders are owner-only.
 */
export async function devMailboxOf(
  mailboxDir: string,
  userId: string | undefined,
  options: { create?: boolean } = {},
): Promise<string> {
  const folder = join(mailboxDir, userId && userIdShape.test(userId) ? userId : noAccountFolder);
  if (options.create) {
    await mkdir(folder, { recursive: true, mode: ownerOnlyDirMode });
    // mkdir's mode is cut by the umask, and does not apply to a parent made before.
    await chmod(mailboxDir, ownerOnlyDirMode);
    await chmod(folder, ownerOnlyDirMode);
  }
  return folder;
}

/** One account's dev-mailbox emails, newest first. */
export async function readDevMailbox(mailboxDir: string, userId: string): Promise<MailboxEntry[]> {
  if (!userIdShape.test(userId)) return [];
  const folder = await devMailboxOf(mailboxDir, userId);
  let names: string[];
  try {
    names = await readdir(folder);
  } catch {
    return [];
  }
  const entries = await Promise.all(
    names
      .filter((name) => name.endsWith(".json"))
      .map(async (name) => {
        const parsed = mailboxEntry.safeParse(
          JSON.parse(await readFile(join(folder, name), "utf8")),
        );
        return parsed.success ? parsed.data : null;
      }),
  );
  return entries
    .filter((entry): entry is MailboxEntry => entry !== null)
    .sort((a, b) => b.sentAt.localeCompare(a.sentAt));
}

/** Deletes an account's dev-mailbox emails (with the account). */
export async function deleteDevMailbox(mailboxDir: string, userId: string): Promise<void> {
  if (!userIdShape.test(userId)) return;
  await rm(await devMailboxOf(mailboxDir, userId), { recursive: true, force: true });
}

/**
 * Emails of an install from before mail was filed by account: they were filed by address only,
 * so no account can be given them safely. Removed at start. Returns how many files went.
 */
export async function removeMailFiledByAddress(mailboxDir: string): Promise<number> {
  const names = await readdir(mailboxDir).catch(() => [] as string[]);
  const loose = names.filter((name) => /\.(eml|json)$/.test(name));
  await Promise.all(loose.map((name) => rm(join(mailboxDir, name), { force: true })));
  return loose.length;
}
