import { createEnv } from "@t3-oss/env-nextjs";
import { z } from "zod";

// The variables client components read (they also render on the server), checked: ./env.ts
// extends this, apart from its own, whose key-ring check needs Node's crypto. Client components
// read them through ./browser-env, which has no schema (zod stays out of their first load).
export const clientEnv = createEnv({
  shared: {
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    /** The port of this server, for the tRPC client while a page renders on the server. */
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  },
  // NODE_ENV is inlined by Next in the browser bundle; PORT is only read on the server.
  experimental__runtimeEnv: { NODE_ENV: process.env.NODE_ENV, PORT: process.env.PORT },
  emptyStringAsUndefined: true,
});
