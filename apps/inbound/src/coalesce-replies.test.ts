import { once } from "node:events";
import type { AddressInfo, Socket } from "node:net";
import { connect, createServer } from "node:net";

import { afterEach, describe, expect, it } from "vitest";

import { coalesceReplies } from "./coalesce-replies";

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

/** Node's stream hands the kernel one buffer (`_write`) or several at once (`_writev`). */
interface Writes {
  _write: (this: Socket, chunk: Buffer, ...rest: unknown[]) => void;
  _writev: (this: Socket, chunks: { chunk: Buffer }[], ...rest: unknown[]) => void;
}

/**
 * A server that applies coalesceReplies and runs `reply` on its side of each connection: what
 * its socket handed the kernel, write by write, and what the client read.
 */
async function writesOf(reply: (socket: Socket) => void | Promise<void>) {
  const writes: string[][] = [];
  const server = createServer((socket) => {
    const internals = socket as unknown as Writes;
    const [write, writev] = [internals._write, internals._writev];
    internals._write = function (this: Socket, chunk: Buffer, ...rest: unknown[]) {
      writes.push([chunk.toString()]);
      return write.call(this, chunk, ...rest);
    };
    internals._writev = function (this: Socket, chunks: { chunk: Buffer }[], ...rest: unknown[]) {
      writes.push(chunks.map(({ chunk }) => chunk.toString()));
      return writev.call(this, chunks, ...rest);
    };
    coalesceReplies(socket);
    void reply(socket);
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const client = connect((server.address() as AddressInfo).port, "127.0.0.1");
  close = async () => {
    client.destroy();
    await new Promise((done) => server.close(done));
  };
  let read = "";
  client.on("data", (chunk: Buffer) => (read += chunk.toString()));
  await once(client, "end");
  return { writes, read };
}

describe("coalesceReplies", () => {
  it("sends the replies of one turn of the event loop in one write, promises included", async () => {
    const { writes, read } = await writesOf(async (socket) => {
      socket.write("250 2.1.0 Accepted\r\n");
      await Promise.resolve();
      socket.write("250 2.1.5 Accepted\r\n");
      socket.write("354 End data with <CR><LF>.<CR><LF>\r\n");
      // The next turn: a reply of its own (the 250 after a commit).
      setTimeout(() => socket.end("250 2.0.0 Stored\r\n"), 20);
    });
    expect(writes).toEqual([
      [
        "250 2.1.0 Accepted\r\n",
        "250 2.1.5 Accepted\r\n",
        "354 End data with <CR><LF>.<CR><LF>\r\n",
      ],
      ["250 2.0.0 Stored\r\n"],
    ]);
    expect(read).toBe(writes.flat().join(""));
  });

  it("holds nothing back past its turn: a reply written alone leaves alone", async () => {
    const { writes, read } = await writesOf((socket) => {
      socket.write("220 ready\r\n");
      setTimeout(() => socket.write("250 first\r\n"), 20);
      setTimeout(() => socket.end("221 bye\r\n"), 40);
    });
    expect(writes).toEqual([["220 ready\r\n"], ["250 first\r\n"], ["221 bye\r\n"]]);
    expect(read).toBe("220 ready\r\n250 first\r\n221 bye\r\n");
  });
});
