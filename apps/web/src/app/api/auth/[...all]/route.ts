import { withRetryAfter } from "@caseward/auth";
import { toNextJsHandler } from "better-auth/next-js";

import { auth } from "~/server/auth";

const handlers = toNextJsHandler(auth);

export const GET = async (req: Request) => withRetryAfter(await handlers.GET(req));
export const POST = async (req: Request) => withRetryAfter(await handlers.POST(req));
