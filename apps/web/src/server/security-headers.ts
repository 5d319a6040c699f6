// The response headers of every page and route, and the cross-site write check; pure, so the
// proxy (src/proxy.ts) and the tests share them. ASVS 4.0.3 V14.4 and V13.2.3.

export interface SecurityContext {
  /** Served over https (BASE_URL https, or a proxy in front that says so). */
  https: boolean;
  /** `next dev` needs eval for React's debugging and a websocket for reloads. */
  development: boolean;
}

/** A Content-Security-Policy allowing only scripts that carry this response's nonce. */
export function contentSecurityPolicy(nonce: string, { https, development }: SecurityContext) {
  const directives = [
    "default-src 'self'",
    // 'strict-dynamic': chunks loaded by Next's nonced scripts run too; nothing inline does.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    // Style attributes (Radix positioning, the theme's color-scheme) are not scripts.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "media-src 'self' blob:",
    `connect-src 'self'${development ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "frame-src 'none'",
    "worker-src 'self' blob:",
    "manifest-src 'self'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

/** Headers for every response, pages and API alike. */
export function securityHeaders({ https }: SecurityContext): Record<string, string> {
  return {
    "x-content-type-options": "nosniff",
    // Case pages have ids in their URLs: other sites (a company's website) get no referrer.
    "referrer-policy": "same-origin",
    "permissions-policy":
      "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()",
    "x-frame-options": "DENY",
    "cross-origin-opener-policy": "same-origin",
    // HSTS only means something over https; over http a browser ignores it anyway.
    ...(https && { "strict-transport-security": "max-age=31536000; includeSubDomains" }),
  };
}

const safeMethods = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * A write (any method but GET, HEAD, OPTIONS) sent by another site's page. Browsers name the
 * sending page in `Origin` on every such request, and say `Sec-Fetch-Site` too; a request
 * with neither comes from no browser page, so it carries no victim's cookies by accident.
 */
export function isCrossSiteWrite(
  request: { method: string; headers: Headers },
  baseUrl: string,
): boolean {
  if (safeMethods.has(request.method.toUpperCase())) return false;
  const origin = request.headers.get("origin");
  if (origin !== null) {
    let host: string;
    try {
      host = new URL(origin).host;
    } catch {
      // "null" (a sandboxed frame, a file) or garbage: not our page.
      return true;
    }
    return host !== request.headers.get("host") && host !== new URL(baseUrl).host;
  }
  const site = request.headers.get("sec-fetch-site");
  return site !== null && site !== "same-origin" && site !== "none";
}
