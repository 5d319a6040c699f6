// A browser context signed in on a deployment that `bench/pages-serve.ts` serves: its session
// cookie set on the deployment's host (`page-tasks.ts`, `page-breakpoint.ts`).
import type { Browser, BrowserContextOptions } from "@playwright/test";

export interface Served {
  baseUrl: string;
  cookie: string;
}

export async function servedContext(
  browser: Browser,
  serve: Served,
  options: BrowserContextOptions,
) {
  const context = await browser.newContext(options);
  const url = new URL(serve.baseUrl);
  const [name, ...value] = serve.cookie.split(";")[0]!.split("=");
  await context.addCookies([
    { name: name!, value: value.join("="), domain: url.hostname, path: "/" },
  ]);
  return context;
}
