import { createEnv } from "@t3-oss/env-nextjs";
import { parseTrustedProxies } from "@caseward/core/client-address";
import { coreEnv } from "@caseward/core/env";
import { z } from "zod";

import { clientEnv } from "./client-env";

// `next build` and lint run without a database; the server validates at start.
const skipValidation = process.env.SKIP_ENV_VALIDATION === "1";

// Read once, validated at start; `pnpm start` provides embedded defaults for all of them.
export const env = createEnv({
  extends: [coreEnv({ skipValidation }), clientEnv],
  server: {
    BETTER_AUTH_SECRET: z.string().min(32, "BETTER_AUTH_SECRET needs at least 32 characters."),
    /**
     * "off" only for the e2e suite, whose many sign-ups come from one address: no auth rate
     * limits and no lock after failed sign-ins.
     */
    AUTH_RATE_LIMIT: z.enum(["on", "off"]).default("on"),
    /**
     * The proxies in front of the app (addresses or ranges, comma-separated), whose
     * X-Forwarded-For entries are believed; none by default: the socket's address is the
     * client's. Limits per address, the session list and the security activity use it.
     */
    TRUSTED_PROXIES: z
      .string()
      .optional()
      .superRefine((value, ctx) => {
        try {
          parseTrustedProxies(value);
        } catch (error) {
          ctx.addIssue({ code: "custom", message: (error as Error).message });
        }
      }),
  },
  client: {},
  experimental__runtimeEnv: {},
  skipValidation,
  emptyStringAsUndefined: true,
});
