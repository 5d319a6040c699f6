// Starts the bare SMTP floor (./smtp-floor-server.ts) as a child process, as the inbound
// receiver runs: both then pay for a process of their own, not the bench's event loop.
import { spawn } from "node:child_process";

import { stopOnExit } from "./exit-cleanup";

export interface SmtpFloor {
  pid: number;
  port: number;
  stop(): Promise<void>;
}

export async function spawnSmtpFloor(): Promise<SmtpFloor> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", new URL("./smtp-floor-server.ts", import.meta.url).pathname],
    // From the repository's root, where tsx is installed.
    { cwd: new URL("../../..", import.meta.url).pathname, stdio: ["ignore", "pipe", "inherit"] },
  );
  const kill = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  };
  stopOnExit(child, kill);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => {
      kill();
      reject(new Error("The SMTP floor did not start within 30 s."));
    }, 30_000);
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const listening = /smtp floor listening on (\d+)/.exec(output);
      if (listening) {
        clearTimeout(timer);
        resolve(Number(listening[1]));
      }
    });
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error("The SMTP floor exited before it listened."));
    });
  });
  return {
    pid: child.pid!,
    port,
    stop: async () => {
      child.kill("SIGTERM");
      const timer = setTimeout(kill, 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
