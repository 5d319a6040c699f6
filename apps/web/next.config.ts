import type { NextConfig } from "next";

const config: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  transpilePackages: ["@caseward/auth", "@caseward/core", "@caseward/db", "@caseward/ui"],
  // Node-only libraries with native or worker-thread parts stay outside the bundle.
  serverExternalPackages: ["bullmq", "ioredis", "postgres", "nodemailer", "@node-rs/argon2"],
  // The build's static files skip the proxy (src/proxy.ts), which sets this for the rest.
  headers: () =>
    Promise.resolve([
      {
        source: "/_next/static/:path*",
        headers: [{ key: "x-content-type-options", value: "nosniff" }],
      },
    ]),
};

export default config;
