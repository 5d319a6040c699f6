import { desc } from "drizzle-orm";
import { index, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

import { encryptedJson } from "../encryption/encrypted-text";
import { users } from "./auth";

/** What the security activity list shows; the words are in PRODUCT.md's glossary style. */
export const auditEventKinds = [
  "sign_in",
  "sign_in_failed",
  "two_factor_enabled",
  "two_factor_disabled",
  "backup_codes_regenerated",
  "backup_code_used",
  "password_changed",
  "account_exported",
  "attachment_deleted",
  "channel_deleted",
  "question_deleted",
  "disclosure_deleted",
  "breach_deleted",
  "company_deleted",
  "red_flag_deleted",
  "file_downloaded",
  "evidence_downloaded",
] as const;
export type AuditEventKind = (typeof auditEventKinds)[number];

export const auditEventKindEnum = pgEnum("audit_event_kind", auditEventKinds);

// The user's own security activity (ASVS V7.1, V8.3.4): who did what, from which device and
// roughly where. `detail` holds ids only, never names, notes or addresses of people, and is
// encrypted all the same (which ids a user touched is theirs to know).
export const auditEvents = pgTable(
  "audit_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: auditEventKindEnum("kind").notNull(),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull().defaultNow(),
    device: text("device").notNull(),
    place: text("place").notNull(),
    detail: encryptedJson<Record<string, string>>("audit_events", "detail")
      .notNull()
      .$defaultFn(() => ({})),
  },
  (t) => [index("audit_events_user_time_idx").on(t.userId, desc(t.occurredAt), desc(t.id))],
);
