import { defineConfig, devices } from "@playwright/test";

// End-to-end tests against a production build (`next build` runs first, see the root
// `test:e2e` script) in Debian's chromium: Playwright's own browser download is not used.
const port = Number(process.env.E2E_PORT ?? 3210);
/** Two web processes (scalingPort, scalingPort + 1) and two workers on one database and Redis. */
export const scalingPort = port + 2;

export default defineConfig({
  testDir: "./e2e",
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: `http://localhost:${port}`,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [
    {
      name: "desktop",
      use: { ...devices["Desktop Chrome"], channel: undefined },
      grepInvert: /@phone|@scaling/,
    },
    { name: "phone", use: { ...devices["Pixel 7"], channel: undefined }, grep: /@phone/ },
    {
      name: "scaling",
      use: {
        ...devices["Desktop Chrome"],
        channel: undefined,
        baseURL: `http://localhost:${scalingPort}`,
      },
      grep: /@scaling/,
    },
  ],
  webServer: [
    {
      command: `node --import tsx e2e/server.ts`,
      url: `http://localhost:${port}/api/health`,
      env: { E2E_PORT: String(port) },
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: "pipe",
      stderr: "pipe",
      gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
    },
    {
      command: `node --import tsx e2e/server.ts`,
      // Its second web process: up last, so both answer when this one does.
      url: `http://localhost:${scalingPort + 1}/api/health`,
      env: {
        E2E_PORT: String(scalingPort),
        E2E_WEB_PROCESSES: "2",
        E2E_WORKERS: "2",
        E2E_AUTH_RATE_LIMIT: "on",
      },
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: "pipe",
      stderr: "pipe",
      gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
    },
  ],
});
