import type { MailContact, UserAddresses } from "./direction";
import { mailContactOf } from "./direction";
import { forwardedOf } from "./forwarded";
import type { ReadMail } from "./read-mail";
import { readMail } from "./read-mail";

export type UnderstoodMail =
  { readable: true; mail: ReadMail; contact: MailContact } | { readable: false; problem: string };

/** Raw bytes → the mail, which way it went and the original message it carries. */
export async function understandMail(
  raw: Uint8Array,
  context: { timeZone: string; user: UserAddresses },
): Promise<UnderstoodMail> {
  const reading = await readMail(raw);
  if (!reading.readable) return reading;
  const forwarded = await forwardedOf(reading.mail, { timeZone: context.timeZone });
  return {
    readable: true,
    mail: reading.mail,
    contact: mailContactOf(reading.mail, forwarded, context.user),
  };
}
