import cluster from "node:cluster";

import type { ReceiverLogger } from "./receiver";

// INBOUND_PROCESSES > 1: that many receivers share the one SMTP port (node's cluster module:
// this process accepts each connection and hands it to the next receiver in turn). Each
// receiver is index.ts's `serve()` on its own: its event loop, database pool, group commit and
// Redis connection; nothing is shared but the port, so a message is stored, deduplicated and
// answered exactly as with one. This process only starts, restarts and stops them.

/** Starts `count` receivers; stops them all on SIGTERM/SIGINT, then exits. */
export function superviseReceivers(count: number, logger: ReceiverLogger) {
  let stopping = false;
  let running = 0;
  const listened = new Set<number>();
  const start = () => {
    running++;
    cluster.fork();
  };
  cluster.on("listening", (worker) => listened.add(worker.id));
  cluster.on("exit", (worker, code, signal) => {
    running--;
    if (stopping) {
      if (running === 0) process.exit();
      return;
    }
    // One that never listened (its port taken, its TLS files unreadable) would fail again.
    if (!listened.has(worker.id)) {
      logger.error({ code, signal }, "inbound receiver process could not start");
      stop(1);
      return;
    }
    logger.warn({ code, signal }, "inbound receiver process ended: starting another");
    start();
  });
  function stop(exitCode: number) {
    if (stopping) return;
    stopping = true;
    process.exitCode = exitCode;
    if (running === 0) process.exit();
    // Each drains its sessions as a single receiver does on SIGTERM.
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill("SIGTERM");
  }
  process.on("SIGTERM", () => stop(0));
  process.on("SIGINT", () => stop(0));
  for (let i = 0; i < count; i++) start();
}
