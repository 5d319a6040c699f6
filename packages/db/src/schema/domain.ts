import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  numeric,
  smallint,
  uniqueIndex,
  customType,
  date,
  foreignKey,
  primaryKey,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";

import { users } from "./auth";
import {
  caseStatusEnum,
  casePriorityEnum,
  channelKindEnum,
  channelStatusEnum,
  contactDirectionEnum,
  contactOutcomeEnum,
  provenanceEnum,
  questionTierEnum,
  attachmentKindEnum,
  filePartEnum,
  timerKindEnum,
  timerStatusEnum,
  notificationKindEnum,
  notificationStateEnum,
  disclosureKindEnum,
  privacyAnswerEnum,
  redFlagKindEnum,
  redFlagSourceEnum,
} from "./enums";
import { encryptedText } from "../encryption/encrypted-text";

const timestamps = {
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true })
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date()),
};

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });
const bytea = customType<{ data: Buffer }>({ dataType: () => "bytea" });

const ownerId = () =>
  text("owner_id")
    .notNull()
    .references(() => users.id, { onDelete: "cascade" });

// Every row carries its owner. Children point at their parent through (id, owner_id), so the
// database itself refuses a case under another user's company, or a contact under another
// user's case.

export const companies = pgTable(
  "companies",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ownerId: ownerId(),
    name: text("name").notNull(),
    websiteUrl: text("website_url").notNull(),
    officialDomain: text("official_domain").notNull(),
    country: text("country"),
    /** The ombudsman or regulator that takes complaints about this company, if known. */
    complaintBody: text("complaint_body"),
    /** Days after the first contact before that body accepts a complaint (e.g. 56 in the UK). */
    complaintAfterDays: smallint("complaint_after_days"),
    /** When the user last went through the privacy checklist for this company. */
    privacyReviewedAt: timestamp("privacy_reviewed_at", { withTimezone: true }),
    /** The kinds of personal data the user decided they are willing to give; null = not decided. */
    willingToShare: disclosureKindEnum("willing_to_share").array(),
    ...timestamps,
  },
  (t) => [
    unique("companies_id_owner_unique").on(t.id, t.ownerId),
    index("companies_owner_name_idx").on(t.ownerId, t.name),
  ],
);

/**
 * One of a company's official website domains (a bank's rbc.com and rbcroyalbank.com), and
 * where the user found it. The domain of the company's website is always one of them.
 */
export const companyDomains = pgTable(
  "company_domains",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ownerId: ownerId(),
    companyId: uuid("company_id").notNull(),
    /** The registrable domain, lowercase ASCII (punycode): "rbc.com", "xn--mnchen-3ya.de". */
    domain: text("domain").notNull(),
    provenance: provenanceEnum("provenance").notNull().default("other"),
    ...timestamps,
  },
  (t) => [
    unique("company_domains_company_domain_unique").on(t.companyId, t.domain),
    foreignKey({
      name: "company_domains_company_owner_fk",
      columns: [t.companyId, t.ownerId],
      foreignColumns: [companies.id, companies.ownerId],
    }).onDelete("cascade"),
    // "Another of your companies already has this domain."
    index("company_domains_owner_domain_idx").on(t.ownerId, t.domain),
  ],
);

export const channels = pgTable(
  "channels",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ownerId: ownerId(),
    companyId: uuid("company_id").notNull(),
    kind: channelKindEnum("kind").notNull(),
    value: text("value").notNull(),
    label: encryptedText("channels", "label"),
    provenance: provenanceEnum("provenance").notNull().default("other"),
    status: channelStatusEnum("status").notNull().default("unverified"),
    statusReason: encryptedText("channels", "status_reason"),
    lastVerifiedAt: timestamp("last_verified_at", { withTimezone: true }),
    /** When the user reported it as suspicious: a re-check of its domain never undoes that. */
    reportedAt: timestamp("reported_at", { withTimezone: true }),
    position: integer("position").notNull(),
    isPreferred: boolean("is_preferred").notNull().default(false),
    ...timestamps,
  },
  (t) => [
    foreignKey({
      name: "channels_company_owner_fk",
      columns: [t.companyId, t.ownerId],
      foreignColumns: [companies.id, companies.ownerId],
    }).onDelete("cascade"),
    index("channels_company_position_idx").on(t.companyId, t.position),
    index("channels_owner_idx").on(t.ownerId),
  ],
);

export const cases = pgTable(
  "cases",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ownerId: ownerId(),
    companyId: uuid("company_id").notNull(),
    title: encryptedText("cases", "title").notNull(),
    description: encryptedText("cases", "description"),
    status: caseStatusEnum("status").notNull().default("open"),
    priority: casePriorityEnum("priority").notNull().default("normal"),
    lastContactAt: timestamp("last_contact_at", { withTimezone: true }),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    /** Said when the case was closed: the outcome (resolved) or why the user gave up (abandoned). */
    closingNote: encryptedText("cases", "closing_note"),
    /** How satisfied the user was with how it was resolved, 1 (not at all) to 5 (very); optional. */
    satisfaction: smallint("satisfaction"),
    /** Overrides the user's default response window, in business days. */
    responseWindowDays: numeric("response_window_days", { mode: "number" }),
    /** Set when a red flag was raised in one of the case's contacts; cleared by the user. */
    flaggedAt: timestamp("flagged_at", { withTimezone: true }),
    /** The next step when an escalation fired: a channel up the ladder, or null = verify one first. */
    suggestedChannelId: uuid("suggested_channel_id").references(() => channels.id, {
      onDelete: "set null",
    }),
    /**
     * The case's part of its own email address (`<token>+<mail_key>@<INBOUND_DOMAIN>`): short,
     * random, lowercase; given the first time the case's address is asked for.
     */
    mailKey: text("mail_key"),
    /** Blind index of the title and description (search tokens); null = not indexed yet. */
    search: tsvector("search"),
    ...timestamps,
  },
  (t) => [
    unique("cases_id_owner_unique").on(t.id, t.ownerId),
    // Owner first (btree_gin): a search reads one person's posting lists, not everyone's.
    index("cases_owner_search_idx").using("gin", t.ownerId, t.search),
    index("cases_unindexed_idx")
      .on(t.ownerId)
      .where(sql`search is null`),
    foreignKey({
      name: "cases_company_owner_fk",
      columns: [t.companyId, t.ownerId],
      foreignColumns: [companies.id, companies.ownerId],
    }).onDelete("cascade"),
    index("cases_owner_status_idx").on(t.ownerId, t.status, t.updatedAt),
    index("cases_company_idx").on(t.companyId),
    unique("cases_owner_mail_key_unique").on(t.ownerId, t.mailKey),
  ],
);

export const contacts = pgTable(
  "contacts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ownerId: ownerId(),
    caseId: uuid("case_id").notNull(),
    channelId: uuid("channel_id").references(() => channels.id, { onDelete: "set null" }),
    // Kept even when the channel is deleted later: the timeline must still say how it happened.
    channelKind: channelKindEnum("channel_kind").notNull(),
    direction: contactDirectionEnum("direction").notNull(),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull(),
    endedAt: timestamp("ended_at", { withTimezone: true }),
    representativeName: encryptedText("contacts", "representative_name"),
    representativeId: encryptedText("contacts", "representative_id"),
    representativeDeclinedName: boolean("representative_declined_name").notNull().default(false),
    referenceNumber: encryptedText("contacts", "reference_number"),
    notes: encryptedText("contacts", "notes"),
    outcome: contactOutcomeEnum("outcome"),
    promisedFollowUp: encryptedText("contacts", "promised_follow_up"),
    followUpDueAt: timestamp("follow_up_due_at", { withTimezone: true }),
    /** Pasted chat transcript; uploaded files are attachments. */
    transcript: encryptedText("contacts", "transcript"),
    /** The user recorded the call, after seeing the consent rule of their region. */
    recorded: boolean("recorded").notNull().default(false),
    /** Blind index of the encrypted text above (search tokens); null = not indexed yet. */
    search: tsvector("search"),
    ...timestamps,
  },
  (t) => [
    unique("contacts_id_owner_unique").on(t.id, t.ownerId),
    index("contacts_owner_search_idx").using("gin", t.ownerId, t.search),
    index("contacts_unindexed_idx")
      .on(t.ownerId)
      .where(sql`search is null`),
    foreignKey({
      name: "contacts_case_owner_fk",
      columns: [t.caseId, t.ownerId],
      foreignColumns: [cases.id, cases.ownerId],
    }).onDelete("cascade"),
    index("contacts_case_started_idx").on(t.caseId, t.startedAt),
    // A user's contacts, case by case (owner first, so it serves every owner-only lookup
    // too): the insights read all of a user's contacts of the cases in scope in one range.
    // It carries every column the insights read of a contact, so that read is an index-only
    // scan: a contact's row is wide (its encrypted notes and transcript), and reading ~500 of
    // them from the heap per page view was most of the statement's buffers (issue 19).
    index("contacts_owner_case_covering_idx").on(
      t.ownerId,
      t.caseId,
      t.startedAt,
      t.direction,
      t.channelKind,
      t.endedAt,
      t.id,
    ),
  ],
);

export const questions = pgTable(
  "questions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ownerId: ownerId(),
    caseId: uuid("case_id").notNull(),
    text: encryptedText("questions", "text").notNull(),
    tier: questionTierEnum("tier").notNull().default("need"),
    position: integer("position").notNull(),
    answer: encryptedText("questions", "answer"),
    answeredAt: timestamp("answered_at", { withTimezone: true }),
    answeredInContactId: uuid("answered_in_contact_id").references(() => contacts.id, {
      onDelete: "set null",
    }),
    /** Blind index of the question and its answer (search tokens); null = not indexed yet. */
    search: tsvector("search"),
    ...timestamps,
  },
  (t) => [
    foreignKey({
      name: "questions_case_owner_fk",
      columns: [t.caseId, t.ownerId],
      foreignColumns: [cases.id, cases.ownerId],
    }).onDelete("cascade"),
    index("questions_case_position_idx").on(t.caseId, t.position),
    index("questions_owner_search_idx").using("gin", t.ownerId, t.search),
    index("questions_unindexed_idx")
      .on(t.ownerId)
      .where(sql`search is null`),
  ],
);

export const attachments = pgTable(
  "attachments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ownerId: ownerId(),
    contactId: uuid("contact_id").notNull(),
    kind: attachmentKindEnum("kind").notNull(),
    /** The name the user's file had; shown, never used as a path. */
    fileName: encryptedText("attachments", "file_name").notNull(),
    /** Detected from the content, not from the name. */
    mimeType: text("mime_type").notNull(),
    sizeBytes: bigint("size_bytes", { mode: "number" }).notNull(),
    /**
     * A keyed hash of the content (`<ring key id>.<HMAC-SHA256 of its SHA-256>`, core
     * attachments/content-hash.ts): a copy of the database cannot tell whether a known file is
     * among the user's. The column keeps its first name.
     */
    sha256: text("sha256").notNull(),
    /**
     * A file uploaded before files moved into the database: its random name under UPLOAD_DIR,
     * until `pnpm files:migrate` moves it into `file_chunks` and clears this. Null for every
     * file since.
     */
    storageKey: text("storage_key").unique(),
    /** Size of the image's thumbnail (chunks of part `thumbnail`); null: it has none. */
    thumbnailBytes: integer("thumbnail_bytes"),
    createdAt: timestamps.createdAt,
  },
  (t) => [
    unique("attachments_id_owner_unique").on(t.id, t.ownerId),
    foreignKey({
      name: "attachments_contact_owner_fk",
      columns: [t.contactId, t.ownerId],
      foreignColumns: [contacts.id, contacts.ownerId],
    }).onDelete("cascade"),
    index("attachments_contact_idx").on(t.contactId),
    index("attachments_owner_idx").on(t.ownerId),
  ],
);

/**
 * The bytes of stored files, encrypted, in chunks of at most 1 MB (packages/core
 * attachments/file-chunks.ts has the format). A file goes with its attachment (cascade), so
 * deleting a contact, a case, a company or the account leaves nothing behind.
 */
export const fileChunks = pgTable(
  "file_chunks",
  {
    attachmentId: uuid("attachment_id").notNull(),
    ownerId: ownerId(),
    part: filePartEnum("part").notNull(),
    /** 0, 1, 2… within the part. */
    index: integer("index").notNull(),
    /** The ring key this chunk is encrypted under (rotation finds stale chunks by it). */
    keyId: text("key_id").notNull(),
    /** Nonce, ciphertext and tag of this chunk. */
    sealed: bytea("sealed").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.attachmentId, t.part, t.index] }),
    foreignKey({
      name: "file_chunks_attachment_owner_fk",
      columns: [t.attachmentId, t.ownerId],
      foreignColumns: [attachments.id, attachments.ownerId],
    }).onDelete("cascade"),
    // Deleting a user cascades here through owner_id too.
    index("file_chunks_owner_idx").on(t.ownerId),
  ],
);

/** Where the user lives: their time zone and region (business days, consent rules). */
export const userSettings = pgTable("user_settings", {
  userId: text("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  timeZone: text("time_zone").notNull().default("America/Toronto"),
  /** The language of pages, emails, the evidence pack and the calendar feed: "en" or "fr-CA". */
  locale: text("locale").$type<"en" | "fr-CA">().notNull().default("en"),
  country: text("country").notNull().default("CA"),
  subdivision: text("subdivision"),
  businessHoursStart: text("business_hours_start").notNull().default("09:00"),
  businessHoursEnd: text("business_hours_end").notNull().default("17:00"),
  responseWindowDays: numeric("response_window_days", { mode: "number" }).notNull().default(2),
  quietHoursStart: text("quiet_hours_start").notNull().default("21:00"),
  quietHoursEnd: text("quiet_hours_end").notNull().default("08:00"),
  emailEscalations: boolean("email_escalations").notNull().default(true),
  emailReminders: boolean("email_reminders").notNull().default(true),
  emailDailyDigest: boolean("email_daily_digest").notNull().default(false),
  /** Email the advice when a red flag is raised in a contact. */
  emailRedFlags: boolean("email_red_flags").notNull().default(true),
  /**
   * Secret of the user's calendar feed URL, encrypted (shown again in Settings); null when
   * revoked. Looked up by `calendar_token_hash`, its keyed hash: a copy of the database does
   * not give the feed away (issue 18, finding 8).
   */
  calendarToken: encryptedText("user_settings", "calendar_token"),
  calendarTokenHash: text("calendar_token_hash").unique(),
  ...timestamps,
});

/** A deadline (PRODUCT.md "timer"). Postgres is the source of truth; queue jobs derive from it. */
export const timers = pgTable(
  "timers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ownerId: ownerId(),
    caseId: uuid("case_id").notNull(),
    /** The contact that started it (response window, promise). */
    contactId: uuid("contact_id"),
    kind: timerKindEnum("kind").notNull(),
    status: timerStatusEnum("status").notNull().default("pending"),
    dueAt: timestamp("due_at", { withTimezone: true }).notNull(),
    firedAt: timestamp("fired_at", { withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    foreignKey({
      name: "timers_case_owner_fk",
      columns: [t.caseId, t.ownerId],
      foreignColumns: [cases.id, cases.ownerId],
    }).onDelete("cascade"),
    foreignKey({
      name: "timers_contact_owner_fk",
      columns: [t.contactId, t.ownerId],
      foreignColumns: [contacts.id, contacts.ownerId],
    }).onDelete("cascade"),
    // One pending deadline of each kind per case: a new one replaces the old.
    uniqueIndex("timers_one_pending_idx")
      .on(t.caseId, t.kind)
      .where(sql`status = 'pending'`),
    index("timers_pending_due_idx")
      .on(t.dueAt)
      .where(sql`status = 'pending'`),
    // A case's deadlines of every status: the evidence pack and the report card's tallies.
    index("timers_case_idx").on(t.caseId),
    // A user's deadlines of every status in one range (the insights page's tallies and open
    // deadlines), instead of one probe of the case index per case filtered on the owner.
    index("timers_owner_case_idx").on(t.ownerId, t.caseId),
  ],
);

/** An email the system owes the user (the outbox). The dedupe key makes each one unique. */
export const notifications = pgTable(
  "notifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ownerId: ownerId(),
    caseId: uuid("case_id"),
    timerId: uuid("timer_id").references(() => timers.id, { onDelete: "set null" }),
    /** The contact it is about (red-flag advice). */
    contactId: uuid("contact_id"),
    kind: notificationKindEnum("kind").notNull(),
    dedupeKey: text("dedupe_key").notNull().unique(),
    state: notificationStateEnum("state").notNull().default("pending"),
    /** Not before this instant: quiet hours defer, never drop. */
    sendAfter: timestamp("send_after", { withTimezone: true }).notNull(),
    attempts: smallint("attempts").notNull().default(0),
    lastError: encryptedText("notifications", "last_error"),
    lastAttemptAt: timestamp("last_attempt_at", { withTimezone: true }),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    messageId: text("message_id"),
    ...timestamps,
  },
  (t) => [
    foreignKey({
      name: "notifications_case_owner_fk",
      columns: [t.caseId, t.ownerId],
      foreignColumns: [cases.id, cases.ownerId],
    }).onDelete("cascade"),
    index("notifications_unsent_idx")
      .on(t.sendAfter)
      .where(sql`state in ('pending', 'sending')`),
    index("notifications_case_idx").on(t.caseId),
    foreignKey({
      name: "notifications_contact_owner_fk",
      columns: [t.contactId, t.ownerId],
      foreignColumns: [contacts.id, contacts.ownerId],
    }).onDelete("cascade"),
  ],
);

/** One answer of a company's privacy checklist (question ids live in @caseward/core). */
export const privacyAnswers = pgTable(
  "privacy_answers",
  {
    ownerId: ownerId(),
    companyId: uuid("company_id").notNull(),
    questionId: text("question_id").notNull(),
    answer: privacyAnswerEnum("answer").notNull(),
    note: encryptedText("privacy_answers", "note"),
    sourceUrl: encryptedText("privacy_answers", "source_url"),
    ...timestamps,
  },
  (t) => [
    primaryKey({ name: "privacy_answers_pk", columns: [t.companyId, t.questionId] }),
    foreignKey({
      name: "privacy_answers_company_owner_fk",
      columns: [t.companyId, t.ownerId],
      foreignColumns: [companies.id, companies.ownerId],
    }).onDelete("cascade"),
  ],
);

/** The disclosure ledger: one kind of personal data given during one contact. */
export const disclosures = pgTable(
  "disclosures",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ownerId: ownerId(),
    contactId: uuid("contact_id").notNull(),
    kind: disclosureKindEnum("kind").notNull(),
    /** The company asked for it (false: the user volunteered it). */
    asked: boolean("asked").notNull().default(true),
    /** The reason the company gave. */
    reason: encryptedText("disclosures", "reason"),
    /** What exactly was given, never a full secret ("last 4: 1234", "old address"). */
    detail: encryptedText("disclosures", "detail"),
    ...timestamps,
  },
  (t) => [
    foreignKey({
      name: "disclosures_contact_owner_fk",
      columns: [t.contactId, t.ownerId],
      foreignColumns: [contacts.id, contacts.ownerId],
    }).onDelete("cascade"),
    index("disclosures_owner_kind_idx").on(t.ownerId, t.kind),
    index("disclosures_contact_idx").on(t.contactId),
  ],
);

/** A warning sign in one contact; one row per kind per contact. */
export const redFlags = pgTable(
  "red_flags",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ownerId: ownerId(),
    contactId: uuid("contact_id").notNull(),
    kind: redFlagKindEnum("kind").notNull(),
    source: redFlagSourceEnum("source").notNull(),
    createdAt: timestamps.createdAt,
  },
  (t) => [
    unique("red_flags_contact_kind_unique").on(t.contactId, t.kind),
    foreignKey({
      name: "red_flags_contact_owner_fk",
      columns: [t.contactId, t.ownerId],
      foreignColumns: [contacts.id, contacts.ownerId],
    }).onDelete("cascade"),
  ],
);

/** A data breach at a company, as the user learned of it. */
export const breaches = pgTable(
  "breaches",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ownerId: ownerId(),
    companyId: uuid("company_id").notNull(),
    /** The day the breach happened or was announced. */
    occurredOn: date("occurred_on", { mode: "string" }).notNull(),
    /** Where the user learned of it: the company's notice, a news address… */
    source: encryptedText("breaches", "source").notNull(),
    note: encryptedText("breaches", "note"),
    /** Ids of the breach actions (core `breachActions`) the user has done. */
    doneActions: text("done_actions")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    ...timestamps,
  },
  (t) => [
    foreignKey({
      name: "breaches_company_owner_fk",
      columns: [t.companyId, t.ownerId],
      foreignColumns: [companies.id, companies.ownerId],
    }).onDelete("cascade"),
    index("breaches_company_idx").on(t.companyId),
  ],
);
