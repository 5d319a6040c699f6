import { describe, expect, it } from "vitest";

import { contentSecurityPolicy, isCrossSiteWrite, securityHeaders } from "./security-headers";

const baseUrl = "https://caseward.example";

function request(method: string, headers: Record<string, string>) {
  return { method, headers: new Headers({ host: "caseward.example", ...headers }) };
}

describe("isCrossSiteWrite", () => {
  it.each([
    ["POST", { origin: "https://caseward.example" }, false],
    ["POST", { origin: "https://evil.example" }, true],
    ["DELETE", { origin: "https://evil.example" }, true],
    ["PUT", { origin: "null" }, true],
    ["POST", { origin: "not a url" }, true],
    // A sibling subdomain is another site for us.
    ["POST", { origin: "https://blog.caseward.example" }, true],
    ["POST", { "sec-fetch-site": "cross-site" }, true],
    ["POST", { "sec-fetch-site": "same-site" }, true],
    ["POST", { "sec-fetch-site": "same-origin" }, false],
    // No browser page sent it (curl, a server): it has no victim's cookies by accident.
    ["POST", {}, false],
    ["GET", { origin: "https://evil.example" }, false],
    ["HEAD", { "sec-fetch-site": "cross-site" }, false],
  ])("%s with %j → %s", (method, headers, expected) => {
    expect(isCrossSiteWrite(request(method, headers), baseUrl)).toBe(expected);
  });

  it("accepts the configured address behind a proxy that rewrites Host", () => {
    const behindProxy = {
      method: "POST",
      headers: new Headers({ host: "10.0.0.5:3000", origin: "https://caseward.example" }),
    };
    expect(isCrossSiteWrite(behindProxy, baseUrl)).toBe(false);
  });
});

describe("contentSecurityPolicy", () => {
  it("allows only nonced scripts and no framing", () => {
    const policy = contentSecurityPolicy("abc123", { https: false, development: false });
    expect(policy).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(policy).not.toContain("unsafe-eval");
    expect(policy).not.toContain("upgrade-insecure-requests");
  });

  it("upgrades requests over https and allows eval only in development", () => {
    expect(contentSecurityPolicy("n", { https: true, development: false })).toContain(
      "upgrade-insecure-requests",
    );
    expect(contentSecurityPolicy("n", { https: false, development: true })).toContain(
      "'unsafe-eval'",
    );
  });
});

describe("securityHeaders", () => {
  it("sends HSTS over https only", () => {
    expect(securityHeaders({ https: true, development: false })).toMatchObject({
      "strict-transport-security": "max-age=31536000; includeSubDomains",
      "x-content-type-options": "nosniff",
    });
    expect(securityHeaders({ https: false, development: false })).not.toHaveProperty(
      "strict-transport-security",
    );
  });
});
