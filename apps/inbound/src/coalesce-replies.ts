import type { Socket } from "node:net";

/**
 * The replies written to a client in one turn of the event loop leave in one write. A sending
 * server that pipelines (RFC 2920: MAIL, RCPT and DATA in one packet, as providers and
 * nodemailer do) got 250, 250 and 354 as three writes, three system calls and three packets
 * to read: socket writes were a fifth of the receiver's CPU (issue 15's bench profile). RFC
 * 2920 lets a server hold its replies until it has read what came with them; this holds them
 * only until the commands already received are answered (the RCPT check is a promise), never
 * for the client. Plain connections only: after STARTTLS the replies go through the TLS
 * socket, unchanged.
 */
export function coalesceReplies(socket: Socket) {
  const write = socket.write.bind(socket) as (...args: unknown[]) => boolean;
  let corked = false;
  const flush = () => {
    corked = false;
    socket.uncork();
  };
  socket.write = (...args: unknown[]) => {
    if (!corked) {
      corked = true;
      socket.cork();
      setImmediate(flush);
    }
    return write(...args);
  };
}
