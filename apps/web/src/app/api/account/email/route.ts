import { isAPIError } from "better-auth/api";
import { z } from "zod";

import { accountEmails, auth, readSession } from "~/server/auth";
import { confirmPassword } from "~/server/confirm-password";
import { errorResponse, failure, smallWriteFrom } from "~/server/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const body = z.object({
  newEmail: z.email("Enter a valid email address.").max(254),
  password: z.string().min(1).max(512),
});

/**
 * Asks for a change of the sign-in address, after the password is given again (ASVS V3.7.1):
 * a link goes to the new address, the change happens when it is opened, and the old address
 * is told. A new address that has an account answers the same (no enumeration).
 */
export async function POST(original: Request) {
  const req = await smallWriteFrom(original);
  if (req instanceof Response) return req;
  const session = await readSession(req.headers);
  if (!session) return failure(401, "Sign in to continue.");
  const parsed = body.safeParse(await req.json().catch(() => null));
  if (!parsed.success) {
    return failure(
      400,
      parsed.error.issues[0]?.message ?? "Enter the new address and your password.",
    );
  }
  const { newEmail, password } = parsed.data;
  if (newEmail.toLowerCase() === session.user.email.toLowerCase()) {
    return failure(400, "That is already your email address.");
  }
  const refused = await confirmPassword(req, session.user.email, password);
  if (refused) return refused;
  try {
    await auth.api.changeEmail({
      body: { newEmail, callbackURL: "/settings?email=changed" },
      headers: req.headers,
    });
  } catch (error) {
    if (isAPIError(error) && error.statusCode < 500) return failure(400, error.message);
    return errorResponse(error, "email change");
  }
  accountEmails.emailChangeRequested(session.user, newEmail);
  return Response.json(
    { status: "confirmation sent" },
    { headers: { "cache-control": "no-store" } },
  );
}
