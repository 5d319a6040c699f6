// The inbound bench's floor, run as a process of its own (./smtp-floor.ts starts it): a bare
// `smtp-server` with the receiver's session settings that reads each message to its end and
// discards it. What the receiver does on top (the recipient lookup, PostgreSQL, queueing) is
// the difference between the two figures.
import type { AddressInfo } from "node:net";

import { SMTPServer } from "smtp-server";

const server = new SMTPServer({
  name: "floor.localhost",
  size: 25 * 1024 * 1024,
  authOptional: true,
  disabledCommands: ["AUTH", "STARTTLS"],
  disableReverseLookup: true,
  hideENHANCEDSTATUSCODES: false,
  maxClients: 200,
  logger: false,
  closeTimeout: 200,
  onData(stream, _session, callback) {
    stream.on("data", () => undefined);
    stream.once("end", () => callback());
  },
});
server.on("error", () => undefined);
server.listen(0, "127.0.0.1", () => {
  const { port } = server.server.address() as AddressInfo;
  process.stdout.write(`smtp floor listening on ${port}\n`);
});
process.on("SIGTERM", () => server.close(() => process.exit(0)));
