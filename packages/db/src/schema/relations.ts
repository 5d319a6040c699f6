import { relations } from "drizzle-orm";

import {
  attachments,
  cases,
  channels,
  companies,
  companyDomains,
  contacts,
  disclosures,
  fileChunks,
  notifications,
  questions,
  redFlags,
  timers,
} from "./domain";

export const companyRelations = relations(companies, ({ many }) => ({
  domains: many(companyDomains),
  channels: many(channels),
  cases: many(cases),
}));

export const companyDomainRelations = relations(companyDomains, ({ one }) => ({
  company: one(companies, { fields: [companyDomains.companyId], references: [companies.id] }),
}));

export const channelRelations = relations(channels, ({ one }) => ({
  company: one(companies, { fields: [channels.companyId], references: [companies.id] }),
}));

export const caseRelations = relations(cases, ({ one, many }) => ({
  company: one(companies, { fields: [cases.companyId], references: [companies.id] }),
  contacts: many(contacts),
  questions: many(questions),
}));

export const contactRelations = relations(contacts, ({ one, many }) => ({
  case: one(cases, { fields: [contacts.caseId], references: [cases.id] }),
  channel: one(channels, { fields: [contacts.channelId], references: [channels.id] }),
  attachments: many(attachments),
  disclosures: many(disclosures),
  redFlags: many(redFlags),
}));

export const disclosureRelations = relations(disclosures, ({ one }) => ({
  contact: one(contacts, { fields: [disclosures.contactId], references: [contacts.id] }),
}));

export const redFlagRelations = relations(redFlags, ({ one }) => ({
  contact: one(contacts, { fields: [redFlags.contactId], references: [contacts.id] }),
}));

export const questionRelations = relations(questions, ({ one }) => ({
  case: one(cases, { fields: [questions.caseId], references: [cases.id] }),
}));

export const attachmentRelations = relations(attachments, ({ one, many }) => ({
  contact: one(contacts, { fields: [attachments.contactId], references: [contacts.id] }),
  chunks: many(fileChunks),
}));

export const fileChunkRelations = relations(fileChunks, ({ one }) => ({
  attachment: one(attachments, {
    fields: [fileChunks.attachmentId],
    references: [attachments.id],
  }),
}));

export const timerRelations = relations(timers, ({ one }) => ({
  case: one(cases, { fields: [timers.caseId], references: [cases.id] }),
}));

export const notificationRelations = relations(notifications, ({ one }) => ({
  case: one(cases, { fields: [notifications.caseId], references: [cases.id] }),
  timer: one(timers, { fields: [notifications.timerId], references: [timers.id] }),
}));
