// SMTP clients of the receiver's tests and the bench: nodemailer for whole deliveries, and a
// raw socket for what nodemailer would never send (a NUL, an endless line, 10,000 RCPTs).
import { connect } from "node:net";

import nodemailer from "nodemailer";

/** What the receiver answered a delivery: its reply code and text. */
export interface SmtpAnswer {
  code: number;
  response: string;
}

/** Delivers `raw` (RFC 5322 bytes) to `to` over SMTP, as a sending mail server would. */
export async function deliver(
  port: number,
  raw: Uint8Array | string,
  to: string | string[],
  from = "sender@example.net",
): Promise<SmtpAnswer> {
  const transport = nodemailer.createTransport({
    host: "127.0.0.1",
    port,
    secure: false,
    ignoreTLS: true,
    connectionTimeout: 30_000,
    socketTimeout: 60_000,
  });
  try {
    const info = await transport.sendMail({
      envelope: { from, to },
      raw: typeof raw === "string" ? raw : Buffer.from(raw),
    });
    const response = String(info.response);
    return { code: Number(response.slice(0, 3)), response };
  } catch (error) {
    const failed = error as { responseCode?: number; response?: string; message: string };
    if (!failed.responseCode) throw error;
    return { code: failed.responseCode, response: failed.response ?? failed.message };
  } finally {
    transport.close();
  }
}

/** A raw SMTP session: write lines or bytes, read the replies as they come. */
export async function rawSession(port: number) {
  const socket = connect(port, "127.0.0.1");
  let buffer = "";
  let transcript = "";
  const waiting: (() => void)[] = [];
  socket.on("data", (chunk: Buffer) => {
    buffer += chunk.toString("latin1");
    transcript = (transcript + chunk.toString("latin1")).slice(-100_000);
    for (const wake of waiting.splice(0)) wake();
  });
  let closed = false;
  socket.on("close", () => {
    closed = true;
    for (const wake of waiting.splice(0)) wake();
  });
  socket.on("error", () => undefined);
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", resolve);
    socket.once("error", reject);
  });

  /** Complete replies (a multi-line one counts once), removed from the buffer. */
  const replies: string[] = [];
  const collect = () => {
    for (;;) {
      const end = buffer.indexOf("\r\n");
      if (end < 0) return;
      const line = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      if (/^\d{3} /.test(line) || !/^\d{3}-/.test(line)) replies.push(line);
    }
  };

  /** Waits for `count` more replies (or the connection to close, or `timeoutMs`). */
  async function read(count = 1, timeoutMs = 30_000): Promise<string[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      collect();
      if (replies.length >= count || closed || Date.now() > deadline) {
        return replies.splice(0, Math.min(count, replies.length));
      }
      await new Promise<void>((resolve) => {
        waiting.push(resolve);
        setTimeout(resolve, 200);
      });
    }
  }

  return {
    write: (data: string | Uint8Array) =>
      new Promise<void>((resolve) => {
        if (closed) return resolve();
        socket.write(data, () => resolve());
      }),
    read,
    /** Everything the server wrote so far (the last 100 kB), continuation lines included. */
    transcript: () => transcript,
    get closed() {
      return closed;
    },
    close: () => socket.destroy(),
  };
}

/** A message with CRLF line ends, as a mail client writes it. */
export function message(headers: Record<string, string>, body: string) {
  const head = Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}`)
    .join("\r\n");
  return `${head}\r\n\r\n${body.replaceAll(/\r?\n/g, "\r\n")}\r\n`;
}
