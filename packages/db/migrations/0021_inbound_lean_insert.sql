DROP INDEX "inbound_messages_owner_state_idx";--> statement-breakpoint
CREATE INDEX "inbound_messages_inbox_idx" ON "inbound_messages" USING btree ("owner_id","received_at") WHERE state = 'inbox';--> statement-breakpoint
-- A sealed chunk is incompressible and, for most mail, a few kB: kept in its row (MAIN) it is
-- one heap tuple instead of a TOAST row pair and two TOAST index entries at each receipt
-- (issue 15's bench). A chunk too large for a page still goes out of line; compression of
-- ciphertext gives up after its first kB.
ALTER TABLE "inbound_raw_chunks" ALTER COLUMN "sealed" SET STORAGE MAIN;
