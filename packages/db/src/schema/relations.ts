import { relations } from "drizzle-orm";

import { cases, channels, companies, contacts } from "./domain";

export const companyRelations = relations(companies, ({ many }) => ({
  channels: many(channels),
  cases: many(cases),
}));

export const channelRelations = relations(channels, ({ one }) => ({
  company: one(companies, { fields: [channels.companyId], references: [companies.id] }),
}));

export const caseRelations = relations(cases, ({ one, many }) => ({
  company: one(companies, { fields: [cases.companyId], references: [companies.id] }),
  contacts: many(contacts),
}));

export const contactRelations = relations(contacts, ({ one }) => ({
  case: one(cases, { fields: [contacts.caseId], references: [cases.id] }),
  channel: one(channels, { fields: [contacts.channelId], references: [channels.id] }),
}));
