// Loopback ports: one free for a server that must keep it, and whether something answers on one.
import type { AddressInfo } from "node:net";
import { connect, createServer } from "node:net";

/** A TCP port nothing listens on right now (on loopback), for a server that must keep it. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

/** The first free port from `from` on: a local service keeps about the same port between runs. */
export async function firstFreePort(from: number): Promise<number> {
  for (let port = from; port < from + 50; port++) if (await portIsFree(port)) return port;
  throw new Error(`no free port between ${from} and ${from + 50}`);
}

/**
 * True when something accepts a TCP connection on the loopback port; with `ping`, also answers
 * it with `expect` (Redis: PING → +PONG).
 */
export function portAnswers(
  port: number,
  options: { ping?: string; expect?: string; timeoutMs?: number } = {},
): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: "127.0.0.1", port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(options.timeoutMs ?? 800, () => done(false));
    socket.on("error", () => done(false));
    socket.on("connect", () => {
      if (options.ping === undefined) done(true);
      else socket.write(options.ping);
    });
    socket.on("data", (data) => done(data.toString().startsWith(options.expect ?? "")));
  });
}
