import { isAPIError } from "better-auth/api";
import { authErrorMessage } from "~/lib/auth-messages";
import { emailChangeInput } from "~/lib/email-change";
import { accountEmails, auth, readSession } from "~/server/auth";
import { confirmPassword } from "~/server/confirm-password";
import { apiLocale, apiWords, errorResponse, failure, refuse, smallWriteFrom } from "~/server/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * Asks for a change of the sign-in address, after the password is given again (ASVS V3.7.1):
 * a link goes to the new address, the change happens when it is opened, and the old address
 * is told. A new address that has an account answers the same (no enumeration).
 */
export async function POST(original: Request) {
  const req = await smallWriteFrom(original);
  if (req instanceof Response) return req;
  const session = await readSession(req.headers);
  if (!session) return refuse(401, "signIn");
  const parsed = emailChangeInput.safeParse(await req.json().catch(() => null));
  if (!parsed.success) {
    return failure(
      400,
      parsed.error.issues[0]?.message ?? (await apiWords())("newAddressAndPassword"),
    );
  }
  const { newEmail, password } = parsed.data;
  if (newEmail.toLowerCase() === session.user.email.toLowerCase()) {
    return refuse(400, "alreadyYourAddress");
  }
  const refused = await confirmPassword(req, session.user.email, password);
  if (refused) return refused;
  try {
    await auth.api.changeEmail({
      body: { newEmail, callbackURL: "/settings?email=changed" },
      headers: req.headers,
    });
  } catch (error) {
    if (isAPIError(error) && error.statusCode < 500) {
      // better-auth's own words are for developers: ours, or a general sentence.
      const code = (error.body as { code?: string } | undefined)?.code;
      return failure(
        400,
        authErrorMessage(
          { status: error.statusCode, code, message: error.message },
          (await apiWords())("addressUnusable"),
          await apiLocale(),
        ),
      );
    }
    return errorResponse(error, "email change");
  }
  accountEmails.emailChangeRequested(session.user, newEmail);
  return Response.json(
    { status: "confirmation sent" },
    { headers: { "cache-control": "no-store" } },
  );
}
