import type { Database } from "@caseward/db";
import { cases } from "@caseward/db/schema";
import { z } from "zod";

import { maxAttachmentBytes } from "../attachments/schemas";
import { refusal } from "../errors";
import { ownCase } from "../ownership";
import { getSettings } from "../settings/settings-service";
import { getInboundAddress } from "./addresses";
import type { FileInboundOptions, FilingOutcome } from "./file-message";
import { fileIntoCase, userAddressesOf } from "./file-message";
import { messageIdOf } from "./message-id";
import { storeInboundMessage } from "./store";
import { understandMail } from "./understand-mail";

/**
 * Without any mail setup: an `.eml` file the user drops on a case is stored as an inbound
 * message for that case and filed through the same path as mail that came in (issue 15 §6).
 * The user chose the case, so no matching and no sender check; which way it went (sent by
 * them or forwarded from the company) is read from the file.
 */

export const fileEmlInput = z.object({
  caseId: z.uuid("Unknown case."),
  bytes: z.custom<Uint8Array>((value) => value instanceof Uint8Array, "Choose an email file."),
});
export type FileEmlInput = z.input<typeof fileEmlInput>;

export async function fileEmlOnCase(
  db: Database,
  userId: string,
  input: FileEmlInput,
  options: FileInboundOptions = {},
): Promise<FilingOutcome> {
  const { caseId, bytes } = fileEmlInput.parse(input);
  await ownCase(db, userId, caseId, { columns: { id: cases.id } });
  if (bytes.byteLength > maxAttachmentBytes) {
    throw refusal("BAD_REQUEST", "emailTooLarge", {}, "file");
  }
  const settings = await getSettings(db, userId);
  const user = await userAddressesOf(db, userId, options.receivingDomain);
  const understood = await understandMail(bytes, { timeZone: settings.timeZone, user });
  // Refused before anything is stored: an unreadable file never waits for a filing job.
  if (!understood.readable) {
    throw refusal("BAD_REQUEST", "emailUnreadable", { problem: understood.problem }, "file");
  }
  const address = await getInboundAddress(db, userId);
  const stored = await storeInboundMessage(db, {
    ownerId: userId,
    addressId: address.id,
    caseId,
    envelopeFrom: "",
    // The same key the receiver makes: an email both mailed in and dropped is one message.
    messageId: messageIdOf(bytes),
    raw: bytes,
  });
  const outcome = await fileIntoCase(
    db,
    userId,
    {
      inboundMessageId: stored.id,
      caseId,
      mail: understood.mail,
      contact: understood.contact,
      raw: bytes,
      settings,
    },
    { ...options, fromStates: ["received", "inbox"] },
  );
  if (outcome.already) {
    throw refusal(
      "CONFLICT",
      outcome.state === "filed" ? "emailAlreadyFiled" : "emailDiscardedBefore",
    );
  }
  return outcome;
}
