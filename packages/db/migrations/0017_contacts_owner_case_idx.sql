DROP INDEX "contacts_owner_idx";--> statement-breakpoint
CREATE INDEX "contacts_owner_case_idx" ON "contacts" USING btree ("owner_id","case_id","started_at");