import { defaultShouldDehydrateQuery, isServer, QueryClient } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";
import superjson from "superjson";

/**
 * A refusal (a 4xx: not found, not allowed, bad input) gives the same answer when asked again:
 * shown at once, not after three retries (seven seconds of a skeleton on a deleted case's page).
 * A failed fetch or a 5xx may pass, and is retried as before.
 */
export function retryQuery(failureCount: number, error: unknown): boolean {
  const status =
    error instanceof TRPCClientError
      ? (error.data as { httpStatus?: number } | null | undefined)?.httpStatus
      : undefined;
  if (status !== undefined && status >= 400 && status < 500) return false;
  return failureCount < 3;
}

export function makeQueryClient() {
  return new QueryClient({
    defaultOptions: {
      // A server render does not retry (TanStack Query's own default there).
      queries: { staleTime: 30 * 1000, retry: isServer ? false : retryQuery },
      dehydrate: {
        serializeData: superjson.serialize,
        // Pending queries stream to the client too, so prefetches need not be awaited.
        shouldDehydrateQuery: (query) =>
          defaultShouldDehydrateQuery(query) || query.state.status === "pending",
        shouldRedactErrors: () => false,
      },
      hydrate: { deserializeData: superjson.deserialize },
    },
  });
}
