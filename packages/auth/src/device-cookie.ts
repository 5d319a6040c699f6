import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

// OWASP's device cookies (https://owasp.org/www-community/Slow_Down_Online_Guessing_Attacks_with_Device_Cookies):
// five wrong passwords from anywhere lock an account, so anyone could lock its owner out
// (issue 18, finding 5). A browser that signed in to the account before holds a signed cookie
// naming it; its sign-ins are not held by the account's lock, and its own wrong passwords are
// counted against that cookie alone, with a small limit of their own.

export const deviceCookieName = "caseward_device";
/** A year: the device is remembered as long as a person keeps one browser. */
export const deviceCookieSeconds = 365 * 24 * 60 * 60;

const normalised = (email: string) => email.trim().toLowerCase();
const signatureOf = (secret: string, email: string, nonce: string) =>
  createHmac("sha256", secret)
    .update(`caseward device cookie\0${normalised(email)}\0${nonce}`)
    .digest("base64url");

/** A new device cookie's value for this account: `nonce.signature` (the email is not in it). */
export function newDeviceCookie(secret: string, email: string): string {
  const nonce = randomBytes(16).toString("base64url");
  return `${nonce}.${signatureOf(secret, email, nonce)}`;
}

/**
 * The device's id (its nonce) when `value` is a device cookie this server signed for this
 * account, else undefined (another account's, forged, or none).
 */
export function deviceOf(
  secret: string,
  email: string,
  value: string | null | undefined,
): string | undefined {
  const [nonce, signature, extra] = (value ?? "").split(".");
  if (!nonce || !signature || extra !== undefined || !/^[\w-]{16,64}$/.test(nonce)) return;
  const expected = Buffer.from(signatureOf(secret, email, nonce));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given) ? nonce : undefined;
}

/** The device id of a request's device cookie for this account (a route outside better-auth). */
export function deviceOfRequest(secret: string, email: string, headers: Headers) {
  const cookies = (headers.get("cookie") ?? "").split(";").map((part) => part.trim());
  const value = cookies
    .map((pair) => pair.split("="))
    .find(([name]) => name === deviceCookieName || name === `__Host-${deviceCookieName}`)?.[1];
  return deviceOf(secret, email, value);
}
