ALTER TABLE "cases" ALTER COLUMN "search" DROP EXPRESSION;--> statement-breakpoint
-- Hand-written: the old vectors hold the title's words; the blind index replaces them (null =
-- not indexed yet; the next search indexes the owner's rows), as 0006 did for contacts.
UPDATE "cases" SET "search" = NULL;--> statement-breakpoint
-- Hand-written USING: the JSON text as it is; encryptPlaintextRows (core) encrypts it at start.
ALTER TABLE "audit_events" ALTER COLUMN "detail" SET DATA TYPE text USING "detail"::text;--> statement-breakpoint
ALTER TABLE "audit_events" ALTER COLUMN "detail" DROP DEFAULT;--> statement-breakpoint
CREATE INDEX "cases_unindexed_idx" ON "cases" USING btree ("owner_id") WHERE search is null;
