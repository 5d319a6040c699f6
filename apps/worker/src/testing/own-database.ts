import "@caseward/core/testing";
import { createMailer } from "@caseward/core/mail";
import type { Database } from "@caseward/db";
import { createDatabase } from "@caseward/db/client";
import { startSmtpSink } from "@caseward/services/smtp-sink";
import { createTestDatabase } from "@caseward/services/test-database";
import pino from "pino";
import { afterAll, inject } from "vitest";

/**
 * A test file's own database (for tests that read the whole timers table), a pool of `max`
 * connections to it, and the test SMTP sink with a mailer that sends to it; all stopped and
 * dropped after the file. Call it at the file's top level.
 */
export async function ownDatabaseAndSink(name: string, max: number) {
  const server = new URL(inject("databaseUrl"));
  server.pathname = "/postgres";
  const testDatabase = await createTestDatabase(server.toString(), name);
  const connection = createDatabase(testDatabase.url, { max });
  const sink = await startSmtpSink();
  const mailer = createMailer({
    from: "Caseward <no-reply@caseward.local>",
    smtpUrl: sink.url,
    mailboxDir: "/nonexistent",
  });
  afterAll(async () => {
    mailer.close();
    await sink.stop();
    await connection.close();
    await testDatabase.drop();
  });
  return { url: testDatabase.url, connection, db: connection.db, sink, mailer };
}

/** A worker's job context on `db` and `mailer`; a job queued from it fails the test. */
export function jobContextFor(db: Database, mailer: ReturnType<typeof createMailer>) {
  return {
    db,
    mailer,
    enqueue: () => Promise.reject(new Error("no job expected")),
    baseUrl: "http://localhost:3999",
    logger: pino({ level: "silent" }),
  };
}
