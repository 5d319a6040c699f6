import { fetchRequestHandler } from "@trpc/server/adapters/fetch";

import { errorIdOf, logUnexpectedError } from "~/server/error-id";
import { apiWords, fromOtherSite, refuse, withBodyWithin } from "~/server/http";
import { createTRPCContext } from "~/trpc/init";
import { appRouter } from "~/trpc/root";

// The largest legitimate request is a contact with long notes; anything bigger is refused
// before it is parsed, so it cannot change what is stored.
const maxBodyBytes = 1024 * 1024;

// Every answer is per request (the session's). Without it Next wraps each request in a Proxy
// that checks every read of its headers, URL and body for a static render that never happens.
export const dynamic = "force-dynamic";

const tooLarge = async () =>
  Response.json(
    {
      error: {
        message: (await apiWords())("tooLargeTrpc"),
        code: "PAYLOAD_TOO_LARGE",
      },
    },
    { status: 413, headers: { "cache-control": "no-store" } },
  );

async function handler(original: Request) {
  // Also refused by the proxy; kept here so the handler is safe on its own.
  if (fromOtherSite(original)) return refuse(403, "otherSite");
  const req = await withBodyWithin(original, maxBodyBytes, tooLarge);
  if (req instanceof Response) return req;
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: () => createTRPCContext({ headers: req.headers }),
    onError: ({ error, path }) => {
      if (error.code === "INTERNAL_SERVER_ERROR") {
        // Names and ids only: inputs may hold personal data. The answer quotes the same id.
        logUnexpectedError(`tRPC ${path ?? "?"}`, error.cause ?? error, errorIdOf(error));
      }
    },
  });
}

export { handler as GET, handler as POST };
