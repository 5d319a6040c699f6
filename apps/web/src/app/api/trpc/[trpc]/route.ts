import { fetchRequestHandler } from "@trpc/server/adapters/fetch";

import { failure, fromOtherSite } from "~/server/http";
import { createTRPCContext } from "~/trpc/init";
import { appRouter } from "~/trpc/root";

// The largest legitimate request is a contact with long notes; anything bigger is refused
// before it is parsed, so it cannot change what is stored.
const maxBodyBytes = 1024 * 1024;

function handler(req: Request) {
  // Also refused by the proxy; kept here so the handler is safe on its own.
  if (fromOtherSite(req)) return failure(403, "This request came from another site.");
  const length = Number(req.headers.get("content-length") ?? 0);
  if (length > maxBodyBytes) {
    return Response.json(
      {
        error: {
          message: "This request is too large (the limit is 1 MB).",
          code: "PAYLOAD_TOO_LARGE",
        },
      },
      { status: 413 },
    );
  }
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: () => createTRPCContext({ headers: req.headers }),
    onError: ({ error, path }) => {
      if (error.code === "INTERNAL_SERVER_ERROR") {
        // Ids and codes only: inputs may hold personal data.
        console.error(`tRPC ${path ?? "?"} failed: ${error.cause?.name ?? error.name}`);
      }
    },
  });
}

export { handler as GET, handler as POST };
