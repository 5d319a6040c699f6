ALTER TABLE "user_settings" DROP CONSTRAINT "user_settings_calendar_token_unique";--> statement-breakpoint
ALTER TABLE "user_settings" ADD COLUMN "calendar_token_hash" text;--> statement-breakpoint
ALTER TABLE "user_settings" ADD CONSTRAINT "user_settings_calendar_token_hash_unique" UNIQUE("calendar_token_hash");