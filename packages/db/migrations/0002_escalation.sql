CREATE TYPE "public"."notification_kind" AS ENUM('escalation', 'escalation_reminder', 'promise_due', 'regulator_eligible', 'daily_digest');--> statement-breakpoint
CREATE TYPE "public"."notification_state" AS ENUM('pending', 'sending', 'sent', 'failed', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."timer_kind" AS ENUM('response_window', 'promised_follow_up', 'regulator_eligibility');--> statement-breakpoint
CREATE TYPE "public"."timer_status" AS ENUM('pending', 'fired', 'satisfied', 'cancelled');--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_id" text NOT NULL,
	"case_id" uuid,
	"timer_id" uuid,
	"kind" "notification_kind" NOT NULL,
	"dedupe_key" text NOT NULL,
	"state" "notification_state" DEFAULT 'pending' NOT NULL,
	"send_after" timestamp with time zone NOT NULL,
	"attempts" smallint DEFAULT 0 NOT NULL,
	"last_error" text,
	"last_attempt_at" timestamp with time zone,
	"sent_at" timestamp with time zone,
	"message_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notifications_dedupe_key_unique" UNIQUE("dedupe_key")
);
--> statement-breakpoint
CREATE TABLE "timers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_id" text NOT NULL,
	"case_id" uuid NOT NULL,
	"contact_id" uuid,
	"kind" timer_kind NOT NULL,
	"status" timer_status DEFAULT 'pending' NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"fired_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "response_window_days" numeric;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "suggested_channel_id" uuid;--> statement-breakpoint
ALTER TABLE "companies" ADD COLUMN "complaint_body" text;--> statement-breakpoint
ALTER TABLE "companies" ADD COLUMN "complaint_after_days" smallint;--> statement-breakpoint
ALTER TABLE "user_settings" ADD COLUMN "business_hours_start" text DEFAULT '09:00' NOT NULL;--> statement-breakpoint
ALTER TABLE "user_settings" ADD COLUMN "business_hours_end" text DEFAULT '17:00' NOT NULL;--> statement-breakpoint
ALTER TABLE "user_settings" ADD COLUMN "response_window_days" numeric DEFAULT 2 NOT NULL;--> statement-breakpoint
ALTER TABLE "user_settings" ADD COLUMN "quiet_hours_start" text DEFAULT '21:00' NOT NULL;--> statement-breakpoint
ALTER TABLE "user_settings" ADD COLUMN "quiet_hours_end" text DEFAULT '08:00' NOT NULL;--> statement-breakpoint
ALTER TABLE "user_settings" ADD COLUMN "email_escalations" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "user_settings" ADD COLUMN "email_reminders" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "user_settings" ADD COLUMN "email_daily_digest" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "user_settings" ADD COLUMN "calendar_token" text;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_timer_id_timers_id_fk" FOREIGN KEY ("timer_id") REFERENCES "public"."timers"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_case_owner_fk" FOREIGN KEY ("case_id","owner_id") REFERENCES "public"."cases"("id","owner_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "timers" ADD CONSTRAINT "timers_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "timers" ADD CONSTRAINT "timers_case_owner_fk" FOREIGN KEY ("case_id","owner_id") REFERENCES "public"."cases"("id","owner_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "timers" ADD CONSTRAINT "timers_contact_owner_fk" FOREIGN KEY ("contact_id","owner_id") REFERENCES "public"."contacts"("id","owner_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "notifications_unsent_idx" ON "notifications" USING btree ("send_after") WHERE state in ('pending', 'sending');--> statement-breakpoint
CREATE INDEX "notifications_case_idx" ON "notifications" USING btree ("case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "timers_one_pending_idx" ON "timers" USING btree ("case_id","kind") WHERE status = 'pending';--> statement-breakpoint
CREATE INDEX "timers_pending_due_idx" ON "timers" USING btree ("due_at") WHERE status = 'pending';--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_suggested_channel_id_channels_id_fk" FOREIGN KEY ("suggested_channel_id") REFERENCES "public"."channels"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_settings" ADD CONSTRAINT "user_settings_calendar_token_unique" UNIQUE("calendar_token");