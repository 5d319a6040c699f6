import type { NextConfig } from "next";

const config: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  transpilePackages: ["@caseward/core", "@caseward/db", "@caseward/ui"],
  // Node-only libraries with native or worker-thread parts stay outside the bundle.
  serverExternalPackages: ["bullmq", "ioredis", "postgres", "nodemailer", "@node-rs/argon2"],
};

export default config;
