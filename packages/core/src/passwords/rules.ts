import { isCommonPassword } from "./common-passwords";
import { passwordLength, passwordMessages } from "./length";

export type PasswordProblemCode =
  "PASSWORD_TOO_SHORT" | "PASSWORD_TOO_LONG" | "PASSWORD_TOO_COMMON";

export interface PasswordProblem {
  code: PasswordProblemCode;
  message: string;
}

/**
 * Why a new password is refused, or null when it is accepted. Length counts characters as a
 * person sees them (code points), so an emoji is one, not two (ASVS V2.1.1).
 */
export function passwordProblem(password: string): PasswordProblem | null {
  const length = [...password].length;
  if (length < passwordLength.min) {
    return { code: "PASSWORD_TOO_SHORT", message: passwordMessages.tooShort };
  }
  if (length > passwordLength.max) {
    return { code: "PASSWORD_TOO_LONG", message: passwordMessages.tooLong };
  }
  if (isCommonPassword(password)) {
    return { code: "PASSWORD_TOO_COMMON", message: passwordMessages.tooCommon };
  }
  return null;
}
