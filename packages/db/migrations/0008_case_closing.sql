ALTER TABLE "cases" ADD COLUMN "closing_note" text;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "satisfaction" smallint;