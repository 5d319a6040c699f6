import { createHash } from "node:crypto";
import { fileURLToPath } from "node:url";

import { defineConfig } from "vitest/config";

// One run for every package: unit tables and integration tests against the real Postgres
// and Redis. The global setup makes a fresh database for the run and drops it afterwards.
// Test-only key ring (derived from a public label, so it protects nothing): encrypted columns
// and files need one in every test process and in the processes tests start.
const testOnlyKey = (label: string) =>
  createHash("sha256").update(`caseward test-only key ${label}`).digest("base64");
export const testKeyRing = `test1:${testOnlyKey("1")}`;

export default defineConfig({
  resolve: {
    alias: [
      // The web app's own import root (apps/web/tsconfig.json `paths`).
      { find: /^~\//, replacement: fileURLToPath(new URL("./apps/web/src/", import.meta.url)) },
      {
        find: /^server-only$/,
        replacement: fileURLToPath(new URL("./tooling/vitest/server-only.ts", import.meta.url)),
      },
    ],
  },
  test: {
    include: ["{apps,packages}/*/src/**/*.test.{ts,tsx}"],
    globalSetup: ["./tooling/vitest/global-setup.ts"],
    testTimeout: 20_000,
    hookTimeout: 60_000,
    pool: "forks",
    env: { ENCRYPTION_KEYS: testKeyRing },
  },
});
