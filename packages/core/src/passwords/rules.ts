import { commonPasswordList } from "./common-passwords";
import { passwordLength, passwordMessages } from "./length";

export type PasswordProblemCode =
  "PASSWORD_TOO_SHORT" | "PASSWORD_TOO_LONG" | "PASSWORD_TOO_COMMON";

export interface PasswordProblem {
  code: PasswordProblemCode;
  message: string;
}

// Compared without case: "Password1234" is found as soon as "password1234" is.
const common = new Set(
  commonPasswordList
    .split("\n")
    .map((line) => line.trim().toLowerCase())
    .filter(Boolean),
);

export const isCommonPassword = (password: string) => common.has(password.trim().toLowerCase());

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
