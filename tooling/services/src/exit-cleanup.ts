import type { ChildProcess } from "node:child_process";

const running = new Map<ChildProcess, () => void>();

// A test, bench or script that dies without its cleanup must not leave its processes behind.
process.once("exit", () => {
  for (const stop of running.values()) stop();
});

/** Runs `stop` (sync: the process is exiting) on `child` if it outlives this process. */
export function stopOnExit(child: ChildProcess, stop: () => void) {
  running.set(child, stop);
  const forget = () => running.delete(child);
  child.once("exit", forget);
  child.once("error", forget);
}
