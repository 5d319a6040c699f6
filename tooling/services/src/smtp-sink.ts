// The SMTP server of the tests and the timer bench: a real one (the `smtp-server` package) in
// this process on a loopback port, recording what it accepts. It can stop and start again on
// the same port, as a mail server that goes away for a while.
import type { AddressInfo } from "node:net";

import type { ParsedMail } from "mailparser";
import { simpleParser } from "mailparser";
import type { SMTPServerDataStream } from "smtp-server";
import { SMTPServer } from "smtp-server";

/** One message the sink accepted (its DATA ended in full, so the server answered 250). */
export interface Delivery {
  messageId: string;
  /** Wall-clock ms when the message was received in full. */
  at: number;
  /** The case the email links to (`/cases/<id>`), unless only headers are read. */
  caseId?: string;
}

export interface SmtpSinkOptions {
  /** Listen on this port (else a free one). */
  port?: number;
  /** Read the Message-ID header only, not whole messages: cheap enough for tens of thousands. */
  headersOnly?: boolean;
  /** Refuse every recipient with a 550 quoting the address, as for an unknown user. */
  refuseRecipients?: boolean;
}

export interface SmtpSink {
  port: number;
  url: string;
  /** Every message accepted, parsed in full (none with `headersOnly`). */
  mails: ParsedMail[];
  deliveries: Delivery[];
  /** Messages cut off mid-DATA (the sender died): never accepted, never counted. */
  readonly truncated: number;
  /** SMTP connections opened to the sink so far. */
  readonly connections: number;
  /** Stops listening; what it recorded stays. */
  stop(): Promise<void>;
  /** Listens again on the same port. */
  start(): Promise<void>;
}

export type { ParsedMail };

const caseLink = /\/cases\/([0-9a-f-]{36})/;

/** Reads the header block only and drains the rest. */
function readMessageId(stream: NodeJS.ReadableStream): Promise<string> {
  return new Promise((resolve, reject) => {
    let head = "";
    let done = false;
    stream.on("data", (chunk: Buffer) => {
      if (done) return;
      head += chunk.toString("latin1");
      const end = head.search(/\r?\n\r?\n/);
      if (end >= 0) {
        head = head.slice(0, end);
        done = true;
      }
    });
    stream.on("error", reject);
    stream.on("end", () => {
      const unfolded = head.replace(/\r?\n[ \t]+/g, " ");
      resolve(/^message-id:\s*(\S+)/im.exec(unfolded)?.[1] ?? "");
    });
  });
}

export async function startSmtpSink(options: SmtpSinkOptions = {}): Promise<SmtpSink> {
  const mails: ParsedMail[] = [];
  const deliveries: Delivery[] = [];
  let truncated = 0;
  let connections = 0;

  const receive = async (stream: SMTPServerDataStream) => {
    if (options.headersOnly) {
      deliveries.push({ messageId: await readMessageId(stream), at: Date.now() });
      return;
    }
    const mail = await simpleParser(stream);
    mails.push(mail);
    deliveries.push({
      messageId: mail.messageId ?? "",
      at: Date.now(),
      caseId: caseLink.exec(mail.text ?? "")?.[1],
    });
  };

  const listen = async (port: number) => {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      logger: false,
      // Closing must not wait for the senders' pooled connections to go idle.
      closeTimeout: 200,
      size: 10 * 1024 * 1024,
      onConnect(_session, callback) {
        connections++;
        callback();
      },
      onRcptTo(recipient, _session, callback) {
        if (!options.refuseRecipients) return callback();
        callback(
          Object.assign(new Error(`<${recipient.address}> unknown user`), { responseCode: 550 }),
        );
      },
      onData(stream, _session, callback) {
        receive(stream).then(
          () => callback(),
          (error: Error) => {
            truncated++;
            callback(error);
          },
        );
      },
    });
    server.on("error", () => undefined);
    await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
    return server;
  };

  let server = await listen(options.port ?? 0);
  const port = (server.server.address() as AddressInfo).port;
  let listening = true;
  return {
    port,
    url: `smtp://127.0.0.1:${port}?tls=off`,
    mails,
    deliveries,
    get truncated() {
      return truncated;
    },
    get connections() {
      return connections;
    },
    stop: async () => {
      if (!listening) return;
      listening = false;
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
    start: async () => {
      if (listening) return;
      server = await listen(port);
      listening = true;
    },
  };
}
