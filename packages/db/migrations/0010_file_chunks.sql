CREATE TYPE "public"."file_part" AS ENUM('content', 'thumbnail');--> statement-breakpoint
ALTER TYPE "public"."attachment_kind" ADD VALUE 'image';--> statement-breakpoint
CREATE TABLE "file_chunks" (
	"attachment_id" uuid NOT NULL,
	"owner_id" text NOT NULL,
	"part" "file_part" NOT NULL,
	"index" integer NOT NULL,
	"key_id" text NOT NULL,
	"sealed" "bytea" NOT NULL,
	CONSTRAINT "file_chunks_attachment_id_part_index_pk" PRIMARY KEY("attachment_id","part","index")
);
--> statement-breakpoint
-- Chunks are ciphertext: PostgreSQL keeps them out of line without trying to compress them.
ALTER TABLE "file_chunks" ALTER COLUMN "sealed" SET STORAGE EXTERNAL;--> statement-breakpoint
ALTER TABLE "attachments" ALTER COLUMN "storage_key" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "attachments" ADD COLUMN "thumbnail_bytes" integer;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_id_owner_unique" UNIQUE("id","owner_id");--> statement-breakpoint
ALTER TABLE "file_chunks" ADD CONSTRAINT "file_chunks_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "file_chunks" ADD CONSTRAINT "file_chunks_attachment_owner_fk" FOREIGN KEY ("attachment_id","owner_id") REFERENCES "public"."attachments"("id","owner_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "file_chunks_owner_idx" ON "file_chunks" USING btree ("owner_id");--> statement-breakpoint
CREATE INDEX "attachments_owner_idx" ON "attachments" USING btree ("owner_id");
