/**
 * better-auth's browser client, fetched when first used. The signed-in frame needs it only to
 * sign out, renew the session after a click or resend a link: it stays out of every page's
 * first load (about 35 KB of script the phone would parse before the page answers).
 */
export const loadAuthClient = () => import("./auth-client").then((module) => module.authClient);
