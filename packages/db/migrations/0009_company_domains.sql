ALTER TYPE "public"."audit_event_kind" ADD VALUE 'company_deleted' BEFORE 'file_downloaded';--> statement-breakpoint
ALTER TYPE "public"."audit_event_kind" ADD VALUE 'red_flag_deleted' BEFORE 'file_downloaded';--> statement-breakpoint
CREATE TABLE "company_domains" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_id" text NOT NULL,
	"company_id" uuid NOT NULL,
	"domain" text NOT NULL,
	"provenance" "provenance" DEFAULT 'other' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "company_domains_company_domain_unique" UNIQUE("company_id","domain")
);
--> statement-breakpoint
ALTER TABLE "channels" ADD COLUMN "reported_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "company_domains" ADD CONSTRAINT "company_domains_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "company_domains" ADD CONSTRAINT "company_domains_company_owner_fk" FOREIGN KEY ("company_id","owner_id") REFERENCES "public"."companies"("id","owner_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "company_domains_owner_domain_idx" ON "company_domains" USING btree ("owner_id","domain");--> statement-breakpoint
-- Every existing company keeps its website's domain as its first official domain.
INSERT INTO "company_domains" ("owner_id", "company_id", "domain", "provenance", "created_at")
SELECT "owner_id", "id", "official_domain", 'other', "created_at" FROM "companies"
ON CONFLICT DO NOTHING;--> statement-breakpoint
-- Channels the user reported before this column existed say so in their reason.
UPDATE "channels" SET "reported_at" = "updated_at"
WHERE "status" = 'suspicious' AND "status_reason" LIKE 'You reported it: %';
