export { base32Decode, secretOf, totpCode } from "./totp";
