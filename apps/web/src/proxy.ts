import { NextResponse } from "next/server";
import type { NextRequest } from "next/server";

import {
  clientAddressHeader,
  clientAddressOf,
  parseTrustedProxies,
} from "@caseward/core/client-address";

import { env } from "./env";
import { deviceZoneCookie } from "./lib/device-zone";
import { requestPathHeader } from "./lib/next-path";
import {
  contentSecurityPolicy,
  isCrossSiteWrite,
  securityHeaders,
} from "./server/security-headers";

/**
 * Every request: cross-site writes are refused (403) before any route sees them, and every
 * answer gets the security headers; pages get a Content-Security-Policy with a fresh nonce,
 * which Next puts on its own scripts (it reads it from the request's CSP header).
 */
let trusted: ReturnType<typeof parseTrustedProxies> | undefined;
const trustedProxies = () => (trusted ??= parseTrustedProxies(env.TRUSTED_PROXIES));

const signedOutPages = /^\/(sign-in|sign-up|forgot-password|reset-password)(\/|$)/;

export function proxy(request: NextRequest) {
  const context = {
    https:
      env.BASE_URL.startsWith("https://") || request.headers.get("x-forwarded-proto") === "https",
    development: env.NODE_ENV === "development",
  };
  if (isCrossSiteWrite(request, env.BASE_URL)) {
    const refused = NextResponse.json(
      { error: "This request came from another site." },
      { status: 403, headers: { "cache-control": "no-store" } },
    );
    for (const [name, value] of Object.entries(securityHeaders(context))) {
      refused.headers.set(name, value);
    }
    return refused;
  }

  const isPage = !request.nextUrl.pathname.startsWith("/api/");
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const policy = contentSecurityPolicy(nonce, context);
  const requestHeaders = new Headers(request.headers);
  // The client's address, worked out once from the socket and the trusted proxies: what a
  // client writes in this header itself is replaced (core/audit/client-address.ts).
  requestHeaders.set(clientAddressHeader, clientAddressOf(request.headers, trustedProxies()) ?? "");
  if (isPage) {
    requestHeaders.set("x-nonce", nonce);
    requestHeaders.set("content-security-policy", policy);
    // The page asked for, so a signed-out visit comes back to it after sign-in (set here
    // always: a client's own value never reaches the app).
    requestHeaders.set(requestPathHeader, `${request.nextUrl.pathname}${request.nextUrl.search}`);
  }
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(securityHeaders(context))) {
    response.headers.set(name, value);
  }
  // Route handlers set their own (a download's is `default-src 'none'; sandbox`).
  if (isPage) response.headers.set("content-security-policy", policy);
  // A signed-out browser keeps no cookie of ours (any cookie makes better-auth ask for an
  // Origin); the app layout learns the device's zone again after sign-in.
  if (signedOutPages.test(request.nextUrl.pathname) && request.cookies.has(deviceZoneCookie)) {
    response.cookies.delete(deviceZoneCookie);
  }
  return response;
}

export const config = {
  // Not the build's static files: they carry no nonce and change nothing.
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
