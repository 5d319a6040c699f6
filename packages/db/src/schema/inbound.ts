import { sql } from "drizzle-orm";
import {
  customType,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

import { users } from "./auth";
import { cases, companies, contacts } from "./domain";
import { inboundStateEnum, inboxReasonEnum } from "./enums";
import { encryptedJson, encryptedText } from "../encryption/encrypted-text";

// Mail that comes in to the user's private Caseward address (issue 15). The receiver
// (apps/inbound) stores each accepted message here before it answers 250; the worker's
// `file-inbound` job then files it into a case or leaves it in the Inbox.

const bytea = customType<{ data: Buffer }>({ dataType: () => "bytea" });

const ownerId = () =>
  text("owner_id")
    .notNull()
    .references(() => users.id, { onDelete: "cascade" });

/**
 * A user's private address, `<token>@<INBOUND_DOMAIN>`. The token is found by its keyed hash
 * (HMAC-SHA256 under the key ring's lookup key), so a copy of the database does not give the
 * addresses; the encrypted copy lets Settings show it again. "Make a new address" revokes the
 * row and adds another: at most one is active per user.
 */
export const inboundAddresses = pgTable(
  "inbound_addresses",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ownerId: ownerId(),
    tokenHash: text("token_hash").notNull().unique(),
    token: encryptedText("inbound_addresses", "token").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("inbound_addresses_one_active_idx")
      .on(t.ownerId)
      .where(sql`revoked_at is null`),
  ],
);

/**
 * One message received for one user (a message sent to two users' addresses is two rows).
 * `message_key` is a keyed hash of its Message-ID (or of its bytes when it has none): the
 * same message delivered twice is stored and filed once.
 */
export const inboundMessages = pgTable(
  "inbound_messages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ownerId: ownerId(),
    addressId: uuid("address_id").references(() => inboundAddresses.id, {
      onDelete: "set null",
    }),
    /** The case whose own address it was sent to; null for the user's main address. */
    caseId: uuid("case_id"),
    /** The SMTP envelope sender (MAIL FROM); empty for a bounce. */
    envelopeFrom: encryptedText("inbound_messages", "envelope_from"),
    /**
     * The sending server as the SMTP session saw it (its IP address and EHLO name): what SPF
     * checks when the message is filed. Null for messages stored before it was kept.
     */
    smtpClient: encryptedJson<{ ip: string; helo: string }>("inbound_messages", "smtp_client"),
    messageKey: text("message_key").notNull(),
    /** Size of the raw message as received. */
    sizeBytes: integer("size_bytes").notNull(),
    state: inboundStateEnum("state").notNull().default("received"),
    inboxReason: inboxReasonEnum("inbox_reason"),
    /** The contact it was filed as. */
    contactId: uuid("contact_id"),
    // Set by the filing job, for the Inbox list.
    fromAddress: encryptedText("inbound_messages", "from_address"),
    subject: encryptedText("inbound_messages", "subject"),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    suggestedCompanyId: uuid("suggested_company_id"),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
    filedAt: timestamp("filed_at", { withTimezone: true }),
  },
  (t) => [
    unique("inbound_messages_id_owner_unique").on(t.id, t.ownerId),
    unique("inbound_messages_owner_message_key_unique").on(t.ownerId, t.messageKey),
    // The migration narrows these three to `ON DELETE SET NULL (<column>)`: deleting the case,
    // contact or company forgets the link and keeps the message (owner_id stays).
    foreignKey({
      name: "inbound_messages_case_owner_fk",
      columns: [t.caseId, t.ownerId],
      foreignColumns: [cases.id, cases.ownerId],
    }).onDelete("set null"),
    foreignKey({
      name: "inbound_messages_contact_owner_fk",
      columns: [t.contactId, t.ownerId],
      foreignColumns: [contacts.id, contacts.ownerId],
    }).onDelete("set null"),
    foreignKey({
      name: "inbound_messages_company_owner_fk",
      columns: [t.suggestedCompanyId, t.ownerId],
      foreignColumns: [companies.id, companies.ownerId],
    }).onDelete("set null"),
    // The Inbox list (newest first). Only its rows: a message is inserted as `received` and
    // most are filed, so neither the receiver's insert nor most filings update this index
    // (issue 15's bench). Reads of all a user's messages use the message key's index.
    index("inbound_messages_inbox_idx")
      .on(t.ownerId, t.receivedAt)
      .where(sql`state = 'inbox'`),
    // The reconciler's pass: messages stored but not yet filed.
    index("inbound_messages_received_idx")
      .on(t.receivedAt)
      .where(sql`state = 'received'`),
  ],
);

/**
 * The raw message (RFC 5322 bytes) of an inbound message, encrypted in chunks of at most 1 MB
 * exactly as `file_chunks` (packages/core attachments/chunk-cipher.ts, part `inbound-raw`).
 * It goes with its message row (cascade).
 */
export const inboundRawChunks = pgTable(
  "inbound_raw_chunks",
  {
    inboundMessageId: uuid("inbound_message_id").notNull(),
    ownerId: ownerId(),
    /** 0, 1, 2… */
    index: integer("index").notNull(),
    /** The ring key this chunk is encrypted under (rotation finds stale chunks by it). */
    keyId: text("key_id").notNull(),
    /** Nonce, ciphertext and tag of this chunk. */
    sealed: bytea("sealed").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.inboundMessageId, t.index] }),
    foreignKey({
      name: "inbound_raw_chunks_message_owner_fk",
      columns: [t.inboundMessageId, t.ownerId],
      foreignColumns: [inboundMessages.id, inboundMessages.ownerId],
    }).onDelete("cascade"),
    index("inbound_raw_chunks_owner_idx").on(t.ownerId),
  ],
);

/**
 * Another address the user sends mail from (issue 15): once confirmed by the link emailed to
 * it, mail from it is filed on its own as mail from the account's address is. The token of
 * that link is kept as a keyed hash only, until it is used or the address is removed.
 */
export const senderAddresses = pgTable(
  "sender_addresses",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ownerId: ownerId(),
    /** Lower case. */
    address: encryptedText("sender_addresses", "address").notNull(),
    confirmTokenHash: text("confirm_token_hash").unique(),
    /** The link works until then. */
    confirmBy: timestamp("confirm_by", { withTimezone: true }),
    confirmedAt: timestamp("confirmed_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("sender_addresses_owner_idx").on(t.ownerId)],
);
