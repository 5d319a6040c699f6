import type {
  ReceivedMessage,
  ResolvedRecipient,
  StoredInbound,
} from "@caseward/core/inbound-receiving";
import {
  cachedRecipientResolver,
  isDatabaseUnavailable,
  messageIdOf,
  storeInboundMessages,
} from "@caseward/core/inbound-receiving";
import type { Database } from "@caseward/db";
import type { SMTPServerAddress, SMTPServerDataStream, SMTPServerSession } from "smtp-server";
import { SMTPServer } from "smtp-server";

import { coalesceReplies } from "./coalesce-replies";
import type { GroupCommitOptions } from "./group-commit";
import { groupCommit } from "./group-commit";

// The SMTP receiver of users' private addresses (issue 15). It only ever receives: it sends no
// reply, no bounce, nothing. A message is refused while the sender is still connected (RCPT
// for an unknown or revoked address, DATA for one too large), so the sending server tells its
// own user; one that is accepted is stored in PostgreSQL (row and encrypted raw bytes) before
// the 250, in one commit with the messages of other sessions that ended meanwhile
// (./group-commit.ts). When it cannot be stored the answer is 451: the
// sending server keeps it and tries again later. Filing is the worker's job, queued after.

/** Where the receiver's own events go: ids, counts and error names only, never mail. */
export interface ReceiverLogger {
  info(fields: object, message: string): void;
  debug(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

export interface ReceiverOptions {
  db: Database;
  /** Queues the filing of stored messages (their ids); a failure is left to the reconciler. */
  queueFiling: (inboundMessageIds: string[]) => Promise<void>;
  /** INBOUND_DOMAIN: the only domain mail is taken for. */
  domain: string;
  logger: ReceiverLogger;
  maxBytes: number;
  maxRecipients: number;
  maxClients?: number;
  /** PEM key and certificate: STARTTLS is offered only with them. */
  tls?: { key: Buffer; cert: Buffer };
  /** How long an address found at RCPT is trusted without asking again (60 s). */
  recipientCacheMs?: number;
  /** How sessions share commits (./group-commit.ts); the defaults suit the bench. */
  groupCommit?: Omit<GroupCommitOptions<ReceivedMessage>, "sizeOf" | "isUnavailable">;
  /** Stores a batch of messages in one commit, all or nothing (core's, unless a test's). */
  storeMany?: (messages: ReceivedMessage[]) => Promise<StoredInbound[]>;
}

/** After this many refused recipients in one connection, the rest are refused unread. */
export const maxRefusalsPerConnection = 100;

const smtpError = (responseCode: number, message: string) =>
  Object.assign(new Error(message), { responseCode });

const unknownAddress = () =>
  smtpError(550, "No such address here. Check the address in Caseward's Settings.");
const cannotCheck = () =>
  smtpError(451, "Addresses cannot be checked right now. Please try again later.");
const cannotStore = () =>
  smtpError(451, "The message could not be stored right now. Please send it again later.");
const tooLarge = (maxBytes: number) =>
  smtpError(552, `The message is larger than ${Math.floor(maxBytes / 1024 / 1024)} MB.`);

/** The local part of an address on `domain`, lowercase; null for any other domain. */
export function localPartOn(address: string, domain: string): string | null {
  const at = address.lastIndexOf("@");
  if (at <= 0) return null;
  if (address.slice(at + 1).toLowerCase() !== domain.toLowerCase()) return null;
  return address.slice(0, at).toLowerCase();
}

/** One recipient per user: the one naming a case wins (a message to both is for the case). */
function onePerUser(recipients: ResolvedRecipient[]) {
  const byOwner = new Map<string, ResolvedRecipient>();
  for (const recipient of recipients) {
    const kept = byOwner.get(recipient.ownerId);
    if (!kept || (!kept.caseId && recipient.caseId)) byOwner.set(recipient.ownerId, recipient);
  }
  return [...byOwner.values()];
}

export function createReceiver(options: ReceiverOptions): SMTPServer {
  const { db, domain, logger, maxBytes } = options;
  // What each accepted RCPT resolved to; the address objects are the envelope's own.
  const resolved = new WeakMap<SMTPServerAddress, ResolvedRecipient>();
  const refusals = new Map<string, number>();
  const resolveRecipient = cachedRecipientResolver(db, { ttlMs: options.recipientCacheMs });
  const storeOne = groupCommit<ReceivedMessage, StoredInbound>(
    options.storeMany ?? ((messages) => storeInboundMessages(db, messages)),
    {
      ...options.groupCommit,
      sizeOf: (message) => message.raw.byteLength,
      isUnavailable: isDatabaseUnavailable,
    },
  );

  /**
   * Answers one RCPT: undefined when it is known at once (an address remembered, or refused
   * unread), else the lookup under way. Most RCPTs are answered without a promise: the reply
   * then leaves with MAIL's and DATA's (coalesceReplies).
   */
  function checkRecipient(address: SMTPServerAddress, session: SMTPServerSession) {
    const refused = refusals.get(session.id) ?? 0;
    if (refused >= maxRefusalsPerConnection) throw unknownAddress();
    const refuse = () => {
      refusals.set(session.id, refused + 1);
      return unknownAddress();
    };
    const local = localPartOn(address.address, domain);
    if (!local) throw refuse();
    const remembered = resolveRecipient.remembered(local);
    if (remembered) {
      resolved.set(address, remembered);
      return undefined;
    }
    return resolveRecipient(local).then(
      (recipient) => {
        if (!recipient) throw refuse();
        resolved.set(address, recipient);
      },
      (error: unknown) => {
        logger.warn(
          { session: session.id, err: errorName(error), down: isDatabaseUnavailable(error) },
          "recipient check failed",
        );
        throw cannotCheck();
      },
    );
  }

  async function store(raw: Buffer, session: SMTPServerSession) {
    const recipients = onePerUser(
      session.envelope.rcptTo.flatMap((address) => resolved.get(address) ?? []),
    );
    const mailFrom = session.envelope.mailFrom;
    const envelopeFrom = mailFrom ? mailFrom.address : "";
    const messageId = messageIdOf(raw);
    // What SPF needs when the message is filed; stored encrypted with it, never logged.
    const smtpClient = { ip: session.remoteAddress, helo: session.hostNameAppearsAs ?? "" };
    // Each user's copy joins the next commit; all of them answered before the 250.
    const outcomes = await Promise.all(
      recipients.map((recipient) =>
        storeOne({ ...recipient, envelopeFrom, smtpClient, messageId, raw }),
      ),
    );
    const stored: string[] = [];
    let duplicates = 0;
    let gone = 0;
    for (const outcome of outcomes) {
      // null: revoked since RCPT accepted it (or its user deleted): as if refused at RCPT.
      if (!outcome) gone++;
      else if (outcome.duplicate) duplicates++;
      else stored.push(outcome.id);
    }
    return { stored, duplicates, gone };
  }

  function onData(
    stream: SMTPServerDataStream,
    session: SMTPServerSession,
    callback: (error?: Error | null, message?: string) => void,
  ) {
    // Kept up to the limit and no further: an endless message costs its bytes on the wire only.
    const chunks: Buffer[] = [];
    let bytes = 0;
    stream.on("data", (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes <= maxBytes) chunks.push(chunk);
    });
    stream.once("end", () => {
      if (stream.sizeExceeded || bytes > maxBytes) {
        callback(tooLarge(maxBytes));
        return;
      }
      const raw = Buffer.concat(chunks, bytes);
      store(raw, session).then(
        ({ stored, duplicates, gone }) => {
          if (stored.length === 0 && duplicates === 0) {
            logger.info({ session: session.id, gone }, "message refused: address revoked");
            callback(unknownAddress());
            return;
          }
          // One line per message cost the receiver as much as sealing it (issue 15's bench):
          // refusals and failures stay at info and above, each message accepted is debug.
          logger.debug(
            { session: session.id, bytes, stored: stored.length, duplicates, gone },
            "message accepted",
          );
          callback(null, "Stored. Caseward files it shortly.");
          if (stored.length > 0) {
            // After the 250: a slow or absent Redis never holds up the sender. A message whose
            // job is lost is filed by the worker's reconciler.
            options
              .queueFiling(stored)
              .catch((error: unknown) =>
                logger.warn(
                  { session: session.id, err: errorName(error) },
                  "filing not queued; the reconciler will",
                ),
              );
          }
        },
        (error: unknown) => {
          logger.error(
            { session: session.id, err: errorName(error), down: isDatabaseUnavailable(error) },
            "message not stored",
          );
          callback(cannotStore());
        },
      );
    });
  }

  const server = new SMTPServer({
    name: domain,
    banner: "Caseward receives mail here and never sends any",
    size: maxBytes,
    // The server answers 552 itself to a message over the limit, whatever onData says.
    rejectOversized: true,
    maxRecipients: options.maxRecipients,
    maxClients: options.maxClients ?? 200,
    // Mail from the internet: no login, and STARTTLS only with a real certificate.
    authOptional: true,
    disabledCommands: options.tls ? ["AUTH"] : ["AUTH", "STARTTLS"],
    ...(options.tls ? { key: options.tls.key, cert: options.tls.cert } : {}),
    // No DNS lookup of every client: the receiver answers from what it has.
    disableReverseLookup: true,
    socketTimeout: 60_000,
    closeTimeout: 10_000,
    logger: false,
    // "550 5.1.1", "451 4.3.0", "552 5.3.4": the sending server tells its user why.
    hideENHANCEDSTATUSCODES: false,
    onRcptTo(address, session, callback) {
      let lookup: Promise<void> | undefined;
      try {
        lookup = checkRecipient(address, session);
      } catch (error) {
        callback(error as Error);
        return;
      }
      if (!lookup) callback();
      else
        lookup.then(
          () => callback(),
          (error: Error) => callback(error),
        );
    },
    onData,
    onClose(session) {
      refusals.delete(session.id);
    },
  });
  server.server.on("connection", coalesceReplies);
  // Counts only: how many messages each commit carried (issue 15's bench reads the line).
  server.server.once("close", () =>
    logger.info({ ...storeOne.stats }, "group commit: messages stored, commits"),
  );
  server.on("error", (error) => logger.warn({ err: errorName(error) }, "smtp connection error"));
  return server;
}

/** An error's name and code, never its message (it may quote an address). */
function errorName(error: unknown) {
  if (!(error instanceof Error)) return "unknown";
  const code = (error as { code?: unknown }).code;
  return typeof code === "string" ? `${error.name} ${code}` : error.name;
}
