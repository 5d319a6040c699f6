// What client components read of the environment, as it is: through ./client-env's schema,
// zod (109 KiB) would be in the first load of every signed-in page. The server checks the same
// variables at start (./env.ts extends ./client-env).
export const browserEnv = {
  /** NODE_ENV is inlined by Next in the browser bundle. */
  inDevelopment: process.env.NODE_ENV === "development",
  /** The port of this server, for the tRPC client while a page renders on the server. */
  serverPort: () => process.env.PORT || "3000",
};
