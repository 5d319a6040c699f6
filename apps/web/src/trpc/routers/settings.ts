import {
  addSenderAddress,
  confirmSenderAddress,
  getSettings,
  listSenderAddresses,
  removeSenderAddress,
  senderAddressIdInput,
  senderAddressInput,
  senderAddressTokenInput,
  senderAddressToConfirm,
  inboundAddressOf,
  renewInboundAddress,
  revokeCalendarToken,
  rotateCalendarToken,
  settingsInput,
  updateSettings,
} from "@caseward/core";
import type { TRPCRouterRecord } from "@trpc/server";

import { env } from "~/env";
import { accountEmails } from "~/server/auth";

import { protectedProcedure } from "../init";

export const settingsRouter = {
  get: protectedProcedure.query(({ ctx }) => getSettings(ctx.db, ctx.user.id)),
  update: protectedProcedure
    .input(settingsInput)
    .mutation(({ ctx, input }) => updateSettings(ctx.db, ctx.user.id, input)),
  rotateCalendarLink: protectedProcedure.mutation(({ ctx }) =>
    rotateCalendarToken(ctx.db, ctx.user.id),
  ),
  revokeCalendarLink: protectedProcedure.mutation(({ ctx }) =>
    revokeCalendarToken(ctx.db, ctx.user.id),
  ),
  /** The user's private Caseward address (made the first time it is asked for). */
  inboundAddress: protectedProcedure.query(({ ctx }) =>
    inboundAddressOf(ctx.db, ctx.user.id, env.INBOUND_DOMAIN),
  ),
  /** "Make a new address": the old one, and its case addresses, stop working at once. */
  renewInboundAddress: protectedProcedure.mutation(({ ctx }) =>
    renewInboundAddress(ctx.db, ctx.user.id, env.INBOUND_DOMAIN),
  ),
  /** Other addresses the user sends from; mail from a confirmed one is filed on its own. */
  senderAddresses: protectedProcedure.query(({ ctx }) => listSenderAddresses(ctx.db, ctx.user.id)),
  /** Adds one (or makes a new link for one waiting) and emails the link to it. */
  addSenderAddress: protectedProcedure
    .input(senderAddressInput)
    .mutation(async ({ ctx, input }) => {
      const added = await addSenderAddress(ctx.db, ctx.user.id, input, {
        receivingDomain: env.INBOUND_DOMAIN,
      });
      accountEmails.senderAddress(ctx.user, added.address, added.token);
      return { id: added.id, address: added.address };
    }),
  removeSenderAddress: protectedProcedure
    .input(senderAddressIdInput)
    .mutation(({ ctx, input }) => removeSenderAddress(ctx.db, ctx.user.id, input)),
  /** What the link opened is for: the confirmation page asks before it confirms. */
  senderAddressToConfirm: protectedProcedure
    .input(senderAddressTokenInput)
    .query(({ ctx, input }) => senderAddressToConfirm(ctx.db, ctx.user.id, input)),
  confirmSenderAddress: protectedProcedure
    .input(senderAddressTokenInput)
    .mutation(({ ctx, input }) => confirmSenderAddress(ctx.db, ctx.user.id, input)),
} satisfies TRPCRouterRecord;
