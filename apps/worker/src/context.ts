import type { Database } from "@caseward/db";
import type { Mailer } from "@caseward/core/mail";
import type { Logger } from "pino";

/** What every job handler gets: the database, the mailer and the logger, nothing global. */
export interface JobContext {
  db: Database;
  mailer: Mailer;
  baseUrl: string;
  logger: Logger;
}
