import { toNextJsHandler } from "better-auth/next-js";

import { auth } from "~/server/auth";

const handlers = toNextJsHandler(auth);

// better-auth's own rate limiter answers 429 with `X-Retry-After`; clients and proxies read
// the standard `Retry-After` (RFC 9110 §10.2.3).
function withRetryAfter(response: Response) {
  const wait = response.headers.get("x-retry-after");
  if (response.status === 429 && wait && !response.headers.has("retry-after")) {
    const headers = new Headers(response.headers);
    headers.set("retry-after", wait);
    return new Response(response.body, { status: 429, statusText: response.statusText, headers });
  }
  return response;
}

export const GET = async (req: Request) => withRetryAfter(await handlers.GET(req));
export const POST = async (req: Request) => withRetryAfter(await handlers.POST(req));
