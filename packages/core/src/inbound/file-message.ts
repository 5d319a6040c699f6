import type { Database } from "@caseward/db";
import { and, eq } from "@caseward/db";
import { inboundMessages } from "@caseward/db/schema";
import type { InboundState, InboxReason } from "@caseward/db/vocabulary";
import { z } from "zod";

import type { ScheduleTimers } from "../contacts/contact-service";

// PLACEHOLDER of the receiving side (branch w4-inbound-rx): the filing side (branch
// w4-inbound-file) replaces this file with the real filing (parse, match, record the contact).
// Until then a received message waits in the Inbox as "no match", so the receiver, the
// worker's `file-inbound` job and the reconciler can be run and tested end to end.

export interface FileInboundOptions {
  /** Hands new deadlines to the queue after the commit. */
  schedule?: ScheduleTimers;
  /** The user's file quota (UPLOAD_QUOTA_MB). */
  quotaBytes?: number;
  /** Caseward's receiving domain (INBOUND_DOMAIN): its addresses are never the company. */
  receivingDomain?: string;
}

export interface FilingOutcome {
  inboundMessageId: string;
  state: InboundState;
  caseId: string | null;
  contactId: string | null;
  inboxReason: InboxReason | null;
  /** Nothing was done: the message had been filed, held or discarded before this call. */
  already: boolean;
}

/** The worker's entry: file a message just received, or hold it in the Inbox. */
export async function fileInboundMessage(
  db: Database,
  inboundMessageId: string,
  _options: FileInboundOptions = {},
): Promise<FilingOutcome | null> {
  if (!z.uuid().safeParse(inboundMessageId).success) return null;
  const [held] = await db
    .update(inboundMessages)
    .set({ state: "inbox", inboxReason: "no_match", filedAt: new Date() })
    .where(and(eq(inboundMessages.id, inboundMessageId), eq(inboundMessages.state, "received")))
    .returning({ caseId: inboundMessages.caseId });
  if (held) {
    return {
      inboundMessageId,
      state: "inbox",
      caseId: held.caseId,
      contactId: null,
      inboxReason: "no_match",
      already: false,
    };
  }
  const [row] = await db
    .select({
      state: inboundMessages.state,
      caseId: inboundMessages.caseId,
      contactId: inboundMessages.contactId,
      inboxReason: inboundMessages.inboxReason,
    })
    .from(inboundMessages)
    .where(eq(inboundMessages.id, inboundMessageId));
  return row ? { inboundMessageId, ...row, already: true } : null;
}
