"use client";

import { useUndo } from "@caseward/ui";

// The four small deletes (questions, disclosures, red flags, files) and channels go through
// @caseward/ui's delete-with-undo: hidden at once, sent when the toast's time is up. The request
// is a plain `keepalive` fetch, so one still waiting when the page closes is sent all the same.

/** A delete the server will do: a tRPC mutation or a route handler. */
export interface DeleteRequest {
  url: string;
  method: "POST" | "DELETE";
  body?: string;
}

/** A tRPC mutation as `useTRPC()` gives it (`trpc.question.delete`): its path and input type. */
interface MutationProcedure<Input> {
  mutationKey: () => readonly [path: string[], ...unknown[]];
  "~types": { input: Input };
}

/** The request of a tRPC delete mutation, as the browser's tRPC client would send it. */
export function trpcDelete<Input>(
  procedure: MutationProcedure<Input>,
  input: NoInfer<Input>,
): DeleteRequest {
  const [path] = procedure.mutationKey();
  // Ids only: superjson's envelope of plain values is `{ json }`.
  return {
    url: `/api/trpc/${path.join(".")}`,
    method: "POST",
    body: JSON.stringify({ json: input }),
  };
}

/** The message the server gave for a refused request (tRPC's or a route's), else a general one. */
async function refusal(response: Response): Promise<string> {
  const body = (await response.json().catch(() => null)) as {
    error?: string | { json?: { message?: unknown } };
  } | null;
  const message = typeof body?.error === "string" ? body.error : body?.error?.json?.message;
  return typeof message === "string" ? message : "Something went wrong. Please try again.";
}

async function send(request: DeleteRequest) {
  let response: Response;
  try {
    response = await fetch(request.url, {
      method: request.method,
      headers: request.body ? { "content-type": "application/json" } : undefined,
      body: request.body,
      keepalive: true,
    });
  } catch {
    throw new Error("The server could not be reached. Check your connection and try again.");
  }
  // Already gone (deleted in another tab): what the user asked for is done.
  if (response.status === 404) return;
  if (!response.ok) throw new Error(await refusal(response));
}

/**
 * `remove` hides a thing now and deletes it when its undo toast is gone; `isPending(id)` says
 * whether to hide it. `refresh` reloads what shows it (awaited, so it does not flash back).
 */
export function useDeleteWithUndo() {
  const { deleteWithUndo, isPending } = useUndo();
  function remove({
    id,
    message,
    request,
    refresh,
  }: {
    id: string;
    message: string;
    request: DeleteRequest;
    refresh: () => Promise<unknown>;
  }) {
    deleteWithUndo({
      id,
      message,
      commit: async ({ leavingPage }) => {
        await send(request);
        if (!leavingPage) await refresh();
      },
    });
  }
  return { remove, isPending };
}
