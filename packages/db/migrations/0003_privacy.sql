CREATE TYPE "public"."disclosure_kind" AS ENUM('name', 'address', 'phone', 'email', 'date_of_birth', 'national_id', 'id_document', 'account_number', 'card_last4', 'password', 'one_time_code', 'security_answer', 'other');--> statement-breakpoint
CREATE TYPE "public"."privacy_answer" AS ENUM('yes', 'no', 'unsure');--> statement-breakpoint
CREATE TYPE "public"."red_flag_kind" AS ENUM('asked_password', 'asked_one_time_code', 'asked_full_card_number', 'asked_remote_access', 'asked_gift_card_crypto_wire', 'pressure_to_act_now', 'inbound_unverified');--> statement-breakpoint
CREATE TYPE "public"."red_flag_source" AS ENUM('marked', 'scanned', 'inbound');--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'red_flag';--> statement-breakpoint
CREATE TABLE "breaches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_id" text NOT NULL,
	"company_id" uuid NOT NULL,
	"occurred_on" date NOT NULL,
	"source" text NOT NULL,
	"note" text,
	"done_actions" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "disclosures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_id" text NOT NULL,
	"contact_id" uuid NOT NULL,
	"kind" "disclosure_kind" NOT NULL,
	"asked" boolean DEFAULT true NOT NULL,
	"reason" text,
	"detail" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "privacy_answers" (
	"owner_id" text NOT NULL,
	"company_id" uuid NOT NULL,
	"question_id" text NOT NULL,
	"answer" "privacy_answer" NOT NULL,
	"note" text,
	"source_url" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "privacy_answers_pk" PRIMARY KEY("company_id","question_id")
);
--> statement-breakpoint
CREATE TABLE "red_flags" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_id" text NOT NULL,
	"contact_id" uuid NOT NULL,
	"kind" "red_flag_kind" NOT NULL,
	"source" "red_flag_source" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "red_flags_contact_kind_unique" UNIQUE("contact_id","kind")
);
--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "flagged_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "companies" ADD COLUMN "privacy_reviewed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "companies" ADD COLUMN "willing_to_share" "disclosure_kind"[];--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "contact_id" uuid;--> statement-breakpoint
ALTER TABLE "user_settings" ADD COLUMN "email_red_flags" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "breaches" ADD CONSTRAINT "breaches_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "breaches" ADD CONSTRAINT "breaches_company_owner_fk" FOREIGN KEY ("company_id","owner_id") REFERENCES "public"."companies"("id","owner_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disclosures" ADD CONSTRAINT "disclosures_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disclosures" ADD CONSTRAINT "disclosures_contact_owner_fk" FOREIGN KEY ("contact_id","owner_id") REFERENCES "public"."contacts"("id","owner_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "privacy_answers" ADD CONSTRAINT "privacy_answers_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "privacy_answers" ADD CONSTRAINT "privacy_answers_company_owner_fk" FOREIGN KEY ("company_id","owner_id") REFERENCES "public"."companies"("id","owner_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "red_flags" ADD CONSTRAINT "red_flags_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "red_flags" ADD CONSTRAINT "red_flags_contact_owner_fk" FOREIGN KEY ("contact_id","owner_id") REFERENCES "public"."contacts"("id","owner_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "breaches_company_idx" ON "breaches" USING btree ("company_id");--> statement-breakpoint
CREATE INDEX "disclosures_owner_kind_idx" ON "disclosures" USING btree ("owner_id","kind");--> statement-breakpoint
CREATE INDEX "disclosures_contact_idx" ON "disclosures" USING btree ("contact_id");--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_contact_owner_fk" FOREIGN KEY ("contact_id","owner_id") REFERENCES "public"."contacts"("id","owner_id") ON DELETE cascade ON UPDATE no action;