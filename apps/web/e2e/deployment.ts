import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** What e2e/server.ts writes down about the deployment it started on `port`. */
export interface Deployment {
  /** Everything the web and worker processes printed. */
  logFile: string;
  redisUrl: string;
  queuePrefix: string;
  /** The deployment's database and key ring: a spec stores what no page can make (mail that came in). */
  databaseUrl: string;
  encryptionKeys: string;
  /** Where the inbound mail receiver takes SMTP (on 127.0.0.1). */
  inboundPort: number;
}

export const deploymentFile = (port: string | number) =>
  join(tmpdir(), `caseward-e2e-${port}.json`);

/** The deployment behind a spec's `baseURL`. */
export function deploymentOf(baseURL: string): Deployment {
  return JSON.parse(readFileSync(deploymentFile(new URL(baseURL).port), "utf8")) as Deployment;
}
