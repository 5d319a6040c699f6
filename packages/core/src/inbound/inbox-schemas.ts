import { z } from "zod";

import { openCaseInput } from "../cases/schemas";

export const inboxMessageInput = z.object({ inboundMessageId: z.uuid("Unknown email.") });
export type InboxMessageInput = z.input<typeof inboxMessageInput>;

export const fileInboxInput = inboxMessageInput.extend({
  caseId: z.uuid("Choose the case to file this email in."),
});
export type FileInboxInput = z.input<typeof fileInboxInput>;

export const openCaseFromInboxInput = inboxMessageInput.extend({
  companyId: openCaseInput.shape.companyId,
  title: openCaseInput.shape.title,
});
export type OpenCaseFromInboxInput = z.input<typeof openCaseFromInboxInput>;
