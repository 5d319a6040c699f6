import pino from "pino";

import { env } from "./env";

// Logs carry ids only. Redaction is the safety net should a payload or error ever hold more.
export const logger = pino({
  level: env.LOG_LEVEL,
  base: { service: "worker" },
  redact: {
    paths: ["email", "to", "name", "*.email", "*.to", "*.name", "*.text", "*.html", "data.*.email"],
    censor: "[redacted]",
  },
});
