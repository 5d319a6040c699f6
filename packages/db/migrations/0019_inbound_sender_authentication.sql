ALTER TYPE "public"."inbox_reason" ADD VALUE 'unconfirmed_sender';--> statement-breakpoint
ALTER TABLE "inbound_messages" ADD COLUMN "smtp_client" text;