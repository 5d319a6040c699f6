import { auditLogInput, listAuditEvents } from "@caseward/core";
import type { TRPCRouterRecord } from "@trpc/server";

import { protectedProcedure } from "../init";

export const auditRouter = {
  /** The signed-in user's security activity, newest first, a page at a time. */
  list: protectedProcedure
    .input(auditLogInput)
    .query(({ ctx, input }) => listAuditEvents(ctx.db, ctx.user.id, input)),
} satisfies TRPCRouterRecord;
