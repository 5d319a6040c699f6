ALTER TABLE "contacts" ALTER COLUMN "search" DROP EXPRESSION;--> statement-breakpoint
ALTER TABLE "questions" ALTER COLUMN "search" DROP EXPRESSION;--> statement-breakpoint
-- Hand-written: the old vectors hold the plaintext words; the blind index replaces them
-- (null = not indexed yet; the next search indexes the owner's rows).
UPDATE "contacts" SET "search" = NULL;--> statement-breakpoint
UPDATE "questions" SET "search" = NULL;--> statement-breakpoint
CREATE INDEX "contacts_unindexed_idx" ON "contacts" USING btree ("owner_id") WHERE search is null;--> statement-breakpoint
CREATE INDEX "questions_unindexed_idx" ON "questions" USING btree ("owner_id") WHERE search is null;
