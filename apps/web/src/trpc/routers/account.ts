import {
  listSignedInSessions,
  revokeOtherSessions,
  revokeSession,
  sessionIdInput,
} from "@caseward/core";
import type { TRPCRouterRecord } from "@trpc/server";

import { protectedProcedure } from "../init";

export const accountRouter = {
  sessions: protectedProcedure.query(({ ctx }) =>
    listSignedInSessions(ctx.db, ctx.user.id, ctx.sessionId),
  ),
  revokeSession: protectedProcedure
    .input(sessionIdInput)
    .mutation(({ ctx, input }) =>
      revokeSession(ctx.db, ctx.user.id, input.sessionId, ctx.endSessions),
    ),
  revokeOtherSessions: protectedProcedure.mutation(({ ctx }) =>
    revokeOtherSessions(ctx.db, ctx.user.id, ctx.sessionId, ctx.endSessions),
  ),
} satisfies TRPCRouterRecord;
