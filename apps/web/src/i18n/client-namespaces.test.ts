import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

import { describe, expect, it } from "vitest";

import { dashboardNamespaces } from "~/app/(app)/_dashboard/client-namespaces";
import { frameNamespaces } from "~/app/(app)/frame-namespaces";
import { segmentNamespaces } from "~/app/(app)/segment-namespaces";

const src = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/** The module a specifier names inside the web app; undefined for a package's. */
function resolveImport(specifier: string, from: string): string | undefined {
  const base = specifier.startsWith("~/")
    ? join(src, specifier.slice(2))
    : specifier.startsWith(".")
      ? resolve(dirname(from), specifier)
      : undefined;
  if (!base) return undefined;
  const candidates = ["", ".ts", ".tsx", "/index.ts", "/index.tsx"].map((end) => base + end);
  return candidates.find((path) => existsSync(path) && !path.endsWith("/"));
}

const typeOnly = /(?:import|export)\s+type\s[^;]*?from\s*["'][^"']+["']/gs;
const imports = /(?:from\s*|import\s*\(\s*|import\s+)["']([^"']+)["']/g;
const translations = /useTranslations\(\s*(?:["']([^"']*)["'])?/g;

/**
 * The namespaces the client components reached from these files read with `useTranslations`:
 * a module is the client's once a "use client" module imports it (statically or on use), and
 * a Server Component's `useTranslations` reads the server's catalogue, not the browser's.
 */
function clientNamespaces(entries: string[]): Set<string> {
  const found = new Set<string>();
  const seen = new Set<string>();
  const visit = (file: string, inClient: boolean) => {
    const code = readFileSync(file, "utf8");
    const client = inClient || /^\s*["']use client["']/.test(code);
    if (seen.has(`${client}:${file}`)) return;
    seen.add(`${client}:${file}`);
    const body = code.replace(typeOnly, "");
    if (client) {
      for (const [call, namespace] of body.matchAll(translations)) {
        if (!namespace) throw new Error(`${file}: ${call}) names no namespace`);
        found.add(namespace.split(".")[0]!);
      }
    }
    for (const [, specifier] of body.matchAll(imports)) {
      const target = resolveImport(specifier!, file);
      if (target) visit(target, client);
    }
  };
  for (const entry of entries) visit(join(src, entry), false);
  return found;
}

const sorted = (names: Iterable<string>) => [...names].sort();

/** A segment's pages, as paths under src. */
function pagesOf(dir: string): string[] {
  return readdirSync(join(src, dir), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? pagesOf(`${dir}/${entry.name}`)
      : entry.name === "page.tsx"
        ? [`${dir}/${entry.name}`]
        : [],
  );
}

describe("client messages of the signed-in pages", () => {
  it("gives the frame's client parts every namespace they read, and no other", () => {
    const used = clientNamespaces(["app/(app)/layout.tsx", "app/(app)/error.tsx"]);
    expect(sorted(used)).toEqual(sorted(frameNamespaces));
  });

  it("gives the dashboard's client parts, the new-case form included, the rest", () => {
    const used = clientNamespaces(["app/(app)/page.tsx"]);
    const frame: readonly string[] = frameNamespaces;
    expect(sorted([...used].filter((name) => !frame.includes(name)))).toEqual(
      sorted(dashboardNamespaces),
    );
  });

  it.each(Object.entries(segmentNamespaces))(
    "gives the client parts of the %s pages every namespace they read, and no other",
    (segment, namespaces) => {
      const pages = pagesOf(`app/(app)/${segment}`);
      expect(pages.length).toBeGreaterThan(0);
      const frame: readonly string[] = frameNamespaces;
      const used = [...clientNamespaces(pages)].filter((name) => !frame.includes(name));
      expect(sorted(used)).toEqual(sorted(namespaces));
    },
  );

  it("counts what a Server Component reads as the server's", () => {
    // A row and its status badge (`useTranslations` in a module without "use client") are
    // rendered on the server: the browser needs none of their words.
    expect(sorted(clientNamespaces(["app/(app)/_dashboard/case-row.tsx"]))).toEqual([]);
    expect(sorted(clientNamespaces(["components/badges.tsx"]))).toEqual([]);
  });
});
