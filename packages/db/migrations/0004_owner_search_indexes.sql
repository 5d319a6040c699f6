-- btree_gin: owner_id (a btree type) beside the tsvector in one GIN index.
CREATE EXTENSION IF NOT EXISTS btree_gin;--> statement-breakpoint
DROP INDEX "cases_search_idx";--> statement-breakpoint
DROP INDEX "contacts_search_idx";--> statement-breakpoint
DROP INDEX "questions_search_idx";--> statement-breakpoint
CREATE INDEX "cases_owner_search_idx" ON "cases" USING gin ("owner_id","search");--> statement-breakpoint
CREATE INDEX "contacts_owner_search_idx" ON "contacts" USING gin ("owner_id","search");--> statement-breakpoint
CREATE INDEX "questions_owner_search_idx" ON "questions" USING gin ("owner_id","search");