import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";

import { z } from "zod";

const mailboxEntry = z.object({
  id: z.string(),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  sentAt: z.string(),
});
export type MailboxEntry = z.infer<typeof mailboxEntry>;

/** The dev mailbox's emails to one address, newest first. */
export async function readDevMailbox(
  mailboxDir: string,
  recipient: string,
): Promise<MailboxEntry[]> {
  let names: string[];
  try {
    names = await readdir(mailboxDir);
  } catch {
    return [];
  }
  const entries = await Promise.all(
    names
      .filter((name) => name.endsWith(".json"))
      .map(async (name) => {
        const parsed = mailboxEntry.safeParse(
          JSON.parse(await readFile(join(mailboxDir, name), "utf8")),
        );
        return parsed.success ? parsed.data : null;
      }),
  );
  return entries
    .filter(
      (entry): entry is MailboxEntry =>
        entry !== null && entry.to.toLowerCase() === recipient.toLowerCase(),
    )
    .sort((a, b) => b.sentAt.localeCompare(a.sentAt));
}
