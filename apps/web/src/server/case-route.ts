import { caseId } from "@caseward/core";

import { readSession } from "~/server/auth";
import { errorResponse, refuse } from "~/server/http";

/**
 * A GET route about one of the signed-in user's cases (its timeline CSV, its evidence PDF): 401
 * without a session; 404 for a malformed id, which names no case of this user, the same answer
 * as someone else's case; then `respond` with the user's and the case's ids, its errors answered
 * by `errorResponse` (no database or library text in the response).
 */
export async function caseDownload(
  req: Request,
  params: Promise<{ caseId: string }>,
  what: string,
  respond: (userId: string, caseId: string) => Promise<Response>,
): Promise<Response> {
  const session = await readSession(req.headers);
  if (!session) return refuse(401, "signIn");
  const id = caseId.safeParse(await params);
  if (!id.success) return refuse(404, "caseNotFound");
  try {
    return await respond(session.user.id, id.data.caseId);
  } catch (error) {
    return errorResponse(error, what);
  }
}
