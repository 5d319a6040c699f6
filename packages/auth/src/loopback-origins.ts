/** The names this computer answers to itself: a browser may use any of them for the app. */
const loopbackHosts = ["localhost", "127.0.0.1", "[::1]"];

/**
 * When the app's origin (BASE_URL) is this computer, the same port under its other loopback
 * names: opening http://127.0.0.1:3000 or http://[::1]:3000 instead of localhost must not make
 * better-auth refuse sign-up with "Invalid origin". Only another program on this computer can
 * send from a loopback origin, so trusting them adds no site. A real domain gets none.
 */
export function loopbackOrigins(baseURL: string | undefined): string[] {
  if (!baseURL) return [];
  let url: URL;
  try {
    url = new URL(baseURL);
  } catch {
    return [];
  }
  if (!loopbackHosts.includes(url.hostname)) return [];
  const port = url.port ? `:${url.port}` : "";
  return loopbackHosts.map((host) => `${url.protocol}//${host}${port}`);
}
