// Accounts and sign-in (better-auth), framework-free: the app gives it the database, Redis,
// the secret and its own plugins (apps/web/src/server/auth.ts adds Next.js cookies).
export { createAuth, sessionStoreOf } from "./auth-config";
export type { Auth, AuthSettings } from "./auth-config";
export { createAccountEmails } from "./auth-emails";
export type { AccountEmails, AccountEmailSettings } from "./auth-emails";
export { createAuthThrottle, withRetryAfter } from "./auth-throttle";
export { withoutTokens } from "./token-free";
export { deviceOfRequest } from "./device-cookie";
export type { AuthThrottle } from "./auth-throttle";
export { createSessionReader } from "./session-reader";
export { createSessionCache } from "./session-cache";
export type { SessionCache } from "./session-cache";
export { sessionLifetime } from "./session-lifetime";
