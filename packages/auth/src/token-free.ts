// No token reaches page JavaScript unless the protocol needs it (issue 18, finding 8): the
// session cookie is HttpOnly so that a script cannot read it, yet better-auth also answers the
// session token in JSON (`token` of sign-in, sign-up and a second-factor check, `session.token`
// of get-session). Caseward's pages never use it, so it is taken out of every JSON answer.

/** The value with every `token` field removed, at any depth. */
function stripTokens(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripTokens);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => key !== "token")
      .map(([key, item]) => [key, stripTokens(item)]),
  );
}

/** The auth API's answer without any token in its JSON body (headers and cookies kept). */
export async function withoutTokens(response: Response): Promise<Response> {
  if (!response.headers.get("content-type")?.includes("application/json")) return response;
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return new Response(text, response);
  }
  const headers = new Headers(response.headers);
  headers.delete("content-length");
  return new Response(JSON.stringify(stripTokens(body)), {
    status: response.status,
    statusText: response.statusText,
    headers,
  });
}

/**
 * Endpoints of better-auth that Caseward does not use and that hand out tokens: the list of a
 * user's sessions answers every device's raw session token (the settings page lists sessions
 * by id through core's `listSignedInSessions`). 404 over HTTP; server code may still call them.
 */
export const disabledAuthPaths = ["/list-sessions", "/revoke-session"];
