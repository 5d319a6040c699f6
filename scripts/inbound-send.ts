// `pnpm inbound:send <file.eml> --to <address> [--from <address>] [--port 2525] [--host 127.0.0.1]`:
// sends an .eml file to the inbound receiver over SMTP, as a mail server would, and prints the
// receiver's answer. For local use and tests: it sends only to the receiver given (by default
// the one `pnpm start` runs), never anywhere else.
import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";

import nodemailer from "nodemailer";

const fail = (message: string): never => {
  console.error(`[inbound:send] ${message}`);
  process.exit(1);
};

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    to: { type: "string" },
    from: { type: "string", default: "sender@example.net" },
    port: { type: "string", default: process.env.INBOUND_SMTP_PORT ?? "2525" },
    host: { type: "string", default: "127.0.0.1" },
  },
});
const [file] = positionals;
if (!file || !values.to) {
  fail(
    "Give the message and your Caseward address: pnpm inbound:send message.eml --to <address from Settings>",
  );
}
const port = Number(values.port);
if (!Number.isInteger(port) || port < 1 || port > 65535) fail("--port must be a port number.");
const raw = await readFile(file!).catch(() => fail(`${file} cannot be read.`));

const transport = nodemailer.createTransport({
  host: values.host,
  port,
  secure: false,
  ignoreTLS: true,
  connectionTimeout: 10_000,
});
try {
  const info = await transport.sendMail({ envelope: { from: values.from, to: values.to }, raw });
  process.stdout.write(`[inbound:send] ${String(info.response)}\n`);
} catch (error) {
  const failed = error as { response?: string; code?: string; message: string };
  if (failed.code === "ESOCKET" || failed.code === "ECONNECTION") {
    fail(`Nothing answers on ${values.host}:${port}. Start Caseward (pnpm start) or give --port.`);
  }
  fail(failed.response ?? failed.message);
} finally {
  transport.close();
}
