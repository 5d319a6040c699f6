import { withoutTokens, withRetryAfter } from "@caseward/auth";
import { toNextJsHandler } from "better-auth/next-js";

import { auth } from "~/server/auth";
import { apiWords, failure, smallBodyBytes, withBodyWithin } from "~/server/http";

const handlers = toNextJsHandler(auth);

// No answer carries a session token to page JavaScript (@caseward/auth token-free.ts).
export const GET = async (req: Request) =>
  withRetryAfter(await withoutTokens(await handlers.GET(req)));
// Sign-in, sign-up and the rest send a few fields: the body is counted as it is read.
export const POST = async (original: Request) => {
  const req = await withBodyWithin(original, smallBodyBytes, async () =>
    failure(413, (await apiWords())("tooLarge")),
  );
  if (req instanceof Response) return req;
  return withRetryAfter(await withoutTokens(await handlers.POST(req)));
};
