import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

// An upload is at most 25 MB of file plus its multipart envelope (maxBodyBytes in the upload
// route). The proxy (src/proxy.ts) buffers a request's body up to this size and passes on only
// that much (10 MB by default, which cut every larger upload short and left "Choose a file to
// attach."). It drops the whole network chunk that crosses its limit, so its limit is the
// route's plus 1 MB: whatever it passes on of a larger body is still over the route's limit,
// which the route counts as it reads and answers 413.
// https://nextjs.org/docs/app/api-reference/config/next-config-js/proxyClientMaxBodySize
const uploadBodyBytes = 25 * 1024 * 1024 + 64 * 1024;

const config: NextConfig = {
  poweredByHeader: false,
  // No `Link` header of React's preloads (the stylesheet, ~100 B): the `<link>` in the head,
  // in the same first packet, asks for it as early, and a phone's first document, headers
  // included, must fit in one 14,600 B TCP window in Lighthouse's simulation.
  // https://nextjs.org/docs/app/api-reference/config/next-config-js/reactMaxHeadersLength
  reactMaxHeadersLength: 0,
  reactStrictMode: true,
  experimental: { proxyClientMaxBodySize: uploadBodyBytes + 1024 * 1024 },
  transpilePackages: ["@caseward/auth", "@caseward/core", "@caseward/db", "@caseward/ui"],
  // Node-only libraries with native or worker-thread parts stay outside the bundle.
  serverExternalPackages: ["bullmq", "ioredis", "postgres", "nodemailer", "@node-rs/argon2"],
  // The build's static files skip the proxy (src/proxy.ts), which sets this for the rest.
  // server.mjs sends the same with the brotli copies it serves itself.
  headers: () =>
    Promise.resolve([
      {
        source: "/_next/static/:path*",
        headers: [{ key: "x-content-type-options", value: "nosniff" }],
      },
    ]),
};

// Messages by language: src/i18n/request.ts picks this request's (no locale in the URL).
export default createNextIntlPlugin("./src/i18n/request.ts")(config);
