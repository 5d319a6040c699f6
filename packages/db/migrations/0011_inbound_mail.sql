CREATE TYPE "public"."inbound_state" AS ENUM('received', 'filed', 'inbox', 'discarded');--> statement-breakpoint
CREATE TYPE "public"."inbox_reason" AS ENUM('unknown_sender', 'no_match', 'several_cases', 'unreadable');--> statement-breakpoint
CREATE TABLE "inbound_addresses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_id" text NOT NULL,
	"token_hash" text NOT NULL,
	"token" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "inbound_addresses_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "inbound_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_id" text NOT NULL,
	"address_id" uuid,
	"case_id" uuid,
	"envelope_from" text,
	"message_key" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"state" "inbound_state" DEFAULT 'received' NOT NULL,
	"inbox_reason" "inbox_reason",
	"contact_id" uuid,
	"from_address" text,
	"subject" text,
	"sent_at" timestamp with time zone,
	"suggested_company_id" uuid,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"filed_at" timestamp with time zone,
	CONSTRAINT "inbound_messages_id_owner_unique" UNIQUE("id","owner_id"),
	CONSTRAINT "inbound_messages_owner_message_key_unique" UNIQUE("owner_id","message_key")
);
--> statement-breakpoint
CREATE TABLE "inbound_raw_chunks" (
	"inbound_message_id" uuid NOT NULL,
	"owner_id" text NOT NULL,
	"index" integer NOT NULL,
	"key_id" text NOT NULL,
	"sealed" "bytea" NOT NULL,
	CONSTRAINT "inbound_raw_chunks_inbound_message_id_index_pk" PRIMARY KEY("inbound_message_id","index")
);
--> statement-breakpoint
-- Chunks are ciphertext: PostgreSQL keeps them out of line without trying to compress them.
ALTER TABLE "inbound_raw_chunks" ALTER COLUMN "sealed" SET STORAGE EXTERNAL;--> statement-breakpoint
-- Deleting a case, contact or company forgets the link and keeps the message: the three
-- composite keys below set only their own column to null (PostgreSQL 15+), never owner_id.
ALTER TABLE "cases" ADD COLUMN "mail_key" text;--> statement-breakpoint
ALTER TABLE "inbound_addresses" ADD CONSTRAINT "inbound_addresses_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inbound_messages" ADD CONSTRAINT "inbound_messages_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inbound_messages" ADD CONSTRAINT "inbound_messages_address_id_inbound_addresses_id_fk" FOREIGN KEY ("address_id") REFERENCES "public"."inbound_addresses"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inbound_messages" ADD CONSTRAINT "inbound_messages_case_owner_fk" FOREIGN KEY ("case_id","owner_id") REFERENCES "public"."cases"("id","owner_id") ON DELETE set null ("case_id") ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inbound_messages" ADD CONSTRAINT "inbound_messages_contact_owner_fk" FOREIGN KEY ("contact_id","owner_id") REFERENCES "public"."contacts"("id","owner_id") ON DELETE set null ("contact_id") ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inbound_messages" ADD CONSTRAINT "inbound_messages_company_owner_fk" FOREIGN KEY ("suggested_company_id","owner_id") REFERENCES "public"."companies"("id","owner_id") ON DELETE set null ("suggested_company_id") ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inbound_raw_chunks" ADD CONSTRAINT "inbound_raw_chunks_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inbound_raw_chunks" ADD CONSTRAINT "inbound_raw_chunks_message_owner_fk" FOREIGN KEY ("inbound_message_id","owner_id") REFERENCES "public"."inbound_messages"("id","owner_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "inbound_addresses_one_active_idx" ON "inbound_addresses" USING btree ("owner_id") WHERE revoked_at is null;--> statement-breakpoint
CREATE INDEX "inbound_messages_owner_state_idx" ON "inbound_messages" USING btree ("owner_id","state","received_at");--> statement-breakpoint
CREATE INDEX "inbound_messages_received_idx" ON "inbound_messages" USING btree ("received_at") WHERE state = 'received';--> statement-breakpoint
CREATE INDEX "inbound_raw_chunks_owner_idx" ON "inbound_raw_chunks" USING btree ("owner_id");--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_owner_mail_key_unique" UNIQUE("owner_id","mail_key");