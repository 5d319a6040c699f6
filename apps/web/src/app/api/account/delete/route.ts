import { deleteAccount } from "@caseward/core";
import { z } from "zod";

import { endSessions, readSession } from "~/server/auth";
import { db } from "~/server/db";
import { confirmPassword, confirmTwoFactorCode } from "~/server/confirm-password";
import { errorResponse, refuse, smallWriteFrom } from "~/server/http";
import { jobs } from "~/server/jobs";
import { mailboxDir } from "~/server/paths";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const body = z.object({
  password: z.string().min(1).max(128),
  code: z.string().max(16).optional(),
});

/**
 * Deletes the signed-in user and everything of theirs (rows, files, queued jobs), after the
 * password is given again, and with two-factor on a code from the authenticator app too: a
 * session left open on a shared computer, or a stolen password, cannot do it alone.
 */
export async function POST(original: Request) {
  const req = await smallWriteFrom(original);
  if (req instanceof Response) return req;
  const session = await readSession(req.headers);
  if (!session) return refuse(401, "signIn");
  const parsed = body.safeParse(await req.json().catch(() => null));
  if (!parsed.success) return refuse(400, "passwordToConfirm");
  const refused = await confirmPassword(req, session.user.email, parsed.data.password);
  if (refused) return refused;
  const codeRefused = await confirmTwoFactorCode(req, session.user.id, parsed.data.code);
  if (codeRefused) return codeRefused;
  try {
    const result = await deleteAccount(db, session.user.id, {
      removeJobs: (ids) => jobs.remove(ids).catch(() => 0),
      endSessions,
      mailboxDir: mailboxDir(),
    });
    return Response.json(result, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return errorResponse(error, "account deletion");
  }
}
