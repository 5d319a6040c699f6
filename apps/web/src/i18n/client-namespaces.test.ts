import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

import { describe, expect, it } from "vitest";

import { dashboardNamespaces } from "~/app/(app)/_dashboard/client-namespaces";
import { frameNamespaces } from "~/app/(app)/frame-namespaces";
import { segmentNamespaces } from "~/app/(app)/segment-namespaces";
import { openCaseFormNamespaces } from "~/components/open-case-words";

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
const dynamicImport = /^import\s*\(/;
const translations = /useTranslations\(\s*(?:["']([^"']*)["'])?/g;
const translators = /(?:const|let)\s+(\w+)\s*=\s*useTranslations\(\s*["']([^"']+)["']\s*\)/g;

/**
 * Parts loaded on use that bring their own words (`open-case-words.ts`): a dynamic import of one
 * adds none of its namespaces to the page's, and each is checked on its own.
 */
const bringTheirWords: Record<string, readonly string[]> = {
  "components/open-case-form.tsx": openCaseFormNamespaces,
};

/** Every key of a namespace may be read (a key not written out, a translator handed on). */
const anyKey = "*";

/**
 * The namespaces the client components reached from these files read with `useTranslations`,
 * each with the keys read (`anyKey` when they cannot be told): a module is the client's once a
 * "use client" module imports it (statically or on use), and a Server Component's
 * `useTranslations` reads the server's catalogue, not the browser's.
 */
function clientReads(entries: string[]): Map<string, Set<string>> {
  const found = new Map<string, Set<string>>();
  const read = (namespace: string, key: string) => {
    const keys = found.get(namespace) ?? new Set<string>();
    keys.add(key);
    found.set(namespace, keys);
  };
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
        const [name, ...path] = namespace.split(".");
        // A translator of a nested namespace ("Dashboard.priority") may read any of its keys.
        if (path.length > 0) read(name!, anyKey);
        else found.set(name!, found.get(name!) ?? new Set());
      }
      for (const [, translator, namespace] of body.matchAll(translators)) {
        if (namespace!.includes(".")) continue;
        const uses = [
          ...body.matchAll(new RegExp(`\\b${translator}\\b(?!\\s*=)(?=(.{0,40}))`, "gs")),
        ];
        for (const [, after] of uses) {
          const key = /^(?:\.(?:rich|markup|raw|has))?\(\s*["']([^"'$]+)["']/.exec(after!)?.[1];
          read(namespace!, key ?? anyKey);
        }
      }
    }
    for (const [statement, specifier] of body.matchAll(imports)) {
      const target = resolveImport(specifier!, file);
      if (!target) continue;
      const onUse = dynamicImport.test(statement) && relative(src, target) in bringTheirWords;
      if (!onUse) visit(target, client);
    }
  };
  for (const entry of entries) visit(join(src, entry), false);
  return found;
}

/** The namespaces the client components reached from these files read (`clientReads`). */
const clientNamespaces = (entries: string[]) => new Set(clientReads(entries).keys());

/**
 * What a page's client parts read, written as its provider's list is (`ClientMessages`): a
 * namespace read in part whose keys are all known is its "Namespace.key" messages, one by one.
 */
function clientMessagesList(entries: string[], given: readonly string[]): string[] {
  const partly = new Set(
    given.filter((name) => name.includes(".")).map((name) => name.split(".")[0]),
  );
  return [...clientReads(entries)].flatMap(([namespace, keys]) =>
    partly.has(namespace) && keys.size > 0 && !keys.has(anyKey)
      ? [...keys].map((key) => `${namespace}.${key}`)
      : [namespace],
  );
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

  it("gives the dashboard's client parts the rest, of the new-case dialog its title alone", () => {
    const frame: readonly string[] = frameNamespaces;
    const used = clientMessagesList(["app/(app)/page.tsx"], dashboardNamespaces);
    expect(sorted(used.filter((name) => !frame.includes(name)))).toEqual(
      sorted(dashboardNamespaces),
    );
  });

  it.each(Object.entries(bringTheirWords))(
    "has %s bring every namespace it reads, and no other",
    (part, namespaces) => {
      expect(sorted(clientNamespaces([part]))).toEqual(sorted(namespaces));
    },
  );

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
