import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

import { describe, expect, it } from "vitest";

import { dashboardNamespaces } from "~/app/(app)/_dashboard/client-namespaces";
import { casePageNamespaces, casePagePaths } from "~/app/(app)/cases/page-namespaces";
import { frameNamespaceNames, frameNamespaces } from "~/app/(app)/frame-namespaces";
import { segmentNamespaces } from "~/app/(app)/segment-namespaces";
import { openCaseFormNamespaces } from "~/components/open-case-words";
import { catalogues } from "./test-catalogues";

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

/**
 * Parts loaded on use that bring their own words (`open-case-words.ts`): a dynamic import of one
 * adds none of its namespaces to the page's, and each is checked on its own.
 */
const bringTheirWords: Record<string, readonly string[]> = {
  "components/open-case-form.tsx": openCaseFormNamespaces,
};

/** A namespace's words a client part reads: some of its keys, or all of them. */
type Reads = Set<string> | "all";

/**
 * The keys of `namespace` that the translator bound to `name` reads in `code` (from its
 * declaration to the next one of the same name, the rest of its component): "all" when it is
 * called with anything but a literal key, or handed on.
 */
function keysRead(code: string, name: string): Reads {
  const keys = new Set<string>();
  const uses = new RegExp(`\\b${name}\\b(?!\\s*=)`, "g");
  const literalCall = new RegExp(
    `^${name}(?:\\.(?:rich|markup|raw|has))?\\(\\s*["'\`]([A-Za-z0-9_]+)`,
  );
  for (const use of code.matchAll(uses)) {
    const call = literalCall.exec(code.slice(use.index));
    if (!call) return "all";
    keys.add(call[1]!);
  }
  return keys;
}

const translator = /const\s+(\w+)\s*=\s*useTranslations\(\s*["']([^"']*)["']\s*\)/g;

/**
 * The namespaces the client components reached from these files read with `useTranslations`,
 * and which of their keys: a module is the client's once a "use client" module imports it
 * (statically or on use), and a Server Component's `useTranslations` reads the server's
 * catalogue, not the browser's.
 */
function clientWords(entries: string[]): Map<string, Reads> {
  const found = new Map<string, Reads>();
  const add = (namespace: string, reads: Reads) => {
    const before = found.get(namespace) ?? new Set<string>();
    found.set(
      namespace,
      before === "all" || reads === "all" ? "all" : new Set([...before, ...reads]),
    );
  };
  const seen = new Set<string>();
  const visit = (file: string, inClient: boolean) => {
    const code = readFileSync(file, "utf8");
    const client = inClient || /^\s*["']use client["']/.test(code);
    if (seen.has(`${client}:${file}`)) return;
    seen.add(`${client}:${file}`);
    const body = code.replace(typeOnly, "");
    if (client) {
      const bound = [...body.matchAll(translator)];
      for (const [call, namespace] of body.matchAll(translations)) {
        if (!namespace) throw new Error(`${file}: ${call}) names no namespace`);
        const [top, key] = namespace.split(".");
        if (key) add(top!, new Set([key]));
        else if (!bound.some((b) => b[2] === namespace)) add(top!, "all");
      }
      for (const [i, declaration] of bound.entries()) {
        const [, name, namespace] = declaration;
        if (namespace!.includes(".")) continue;
        const next = bound.slice(i + 1).find((b) => b[1] === name);
        const scope = body.slice(declaration.index + declaration[0].length, next?.index);
        add(namespace!, keysRead(scope, name!));
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

/** The namespaces the client components reached from these files read. */
function clientNamespaces(entries: string[]): Set<string> {
  return new Set(clientWords(entries).keys());
}

/**
 * What a list of given names (`"Forms"` whole, `"Vocabulary.channelKind"` one key) lacks for
 * what the client parts of `entries` read beyond the frame's (or all they read, for the frame
 * itself), and what it gives that none read.
 */
function givenAgainstRead(
  given: readonly string[],
  entries: string[],
  frame: readonly string[] = frameNamespaceNames,
) {
  const read = [...clientWords(entries)].filter(([namespace]) => !frame.includes(namespace));
  const missing = read.flatMap(([namespace, reads]) =>
    given.includes(namespace)
      ? []
      : reads === "all"
        ? [namespace]
        : [...reads].map((key) => `${namespace}.${key}`).filter((name) => !given.includes(name)),
  );
  const readNames = new Set(
    read.flatMap(([namespace, reads]) =>
      reads === "all" ? [namespace] : [namespace, ...[...reads].map((k) => `${namespace}.${k}`)],
    ),
  );
  const unread = given.filter((name) => !readNames.has(name));
  return { missing: sorted(missing), unread: sorted(unread) };
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
  it("gives the frame's client parts every word they read, and no other", () => {
    const frame = ["app/(app)/layout.tsx", "app/(app)/error.tsx"];
    expect(givenAgainstRead(frameNamespaces, frame, [])).toEqual({ missing: [], unread: [] });
    expect(sorted(clientNamespaces(frame))).toEqual(sorted(frameNamespaceNames));
    // The banner's sentence (with the address and a count) is written on the server.
    expect(frameNamespaces as readonly string[]).not.toContain("Shell");
  });

  it("gives the dashboard's client parts the rest, of the new-case dialog its title alone", () => {
    expect(givenAgainstRead(dashboardNamespaces, ["app/(app)/page.tsx"])).toEqual({
      missing: [],
      unread: [],
    });
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
      const used = [...clientNamespaces(pages)].filter(
        (name) => !frameNamespaceNames.includes(name),
      );
      expect(sorted(used)).toEqual(sorted(namespaces));
    },
  );

  it.each(Object.entries(casePageNamespaces))(
    "gives the client parts of the %s page (cases segment) every word they read, and no other",
    (page, namespaces) => {
      const path = `app/(app)/cases/${casePagePaths[page as keyof typeof casePagePaths]}`;
      expect(givenAgainstRead(namespaces, [path])).toEqual({ missing: [], unread: [] });
    },
  );

  it("gives only the keys of a namespace the client parts read, when they name them", () => {
    // The session's channel picker, question list, details and data recorder read six groups
    // of the vocabulary, by literal keys: the page gives those, not the other seven.
    const session = "app/(app)/cases/[caseId]/session/page.tsx";
    const vocabulary = clientWords([session]).get("Vocabulary");
    expect(vocabulary === "all" ? "all" : sorted(vocabulary!)).toEqual([
      "caseStatus",
      "channelKind",
      "channelStatus",
      "contactOutcome",
      "disclosureKind",
      "questionTier",
    ]);
    expect(givenAgainstRead(["Vocabulary.channelKind"], [session]).missing).toContain(
      "Vocabulary.questionTier",
    );
    // A translator handed on, or called with a key it builds at run time, reads everything.
    expect(keysRead(`t("a"); t.rich("b", {}); format(t);`, "t")).toBe("all");
    expect(keysRead('t(`c.${kind}`); t("d")', "t")).toEqual(new Set(["c", "d"]));
    // Every key a page gives exists in both catalogues it is cut from.
    const lists: readonly (readonly string[])[] = [
      ...Object.values(casePageNamespaces),
      dashboardNamespaces,
      frameNamespaces,
    ];
    for (const name of lists.flat()) {
      const [namespace, key] = name.split(".");
      for (const catalogue of Object.values(catalogues)) {
        const words = catalogue[namespace!];
        expect(words, name).toBeTypeOf("object");
        if (key) expect(Object.keys(words as object)).toContain(key);
      }
    }
  });

  it("gives the words of every signed-in page: its segment's layout, or the page itself", () => {
    const bySegment = Object.keys(segmentNamespaces).flatMap((segment) =>
      pagesOf(`app/(app)/${segment}`),
    );
    const byPage = Object.values(casePagePaths).map((path) => `app/(app)/cases/${path}`);
    const dashboard = "app/(app)/page.tsx";
    expect(sorted([...bySegment, ...byPage, dashboard])).toEqual(sorted(pagesOf("app/(app)")));
    // The session no longer carries the case page's dialogs, forms, questions and files.
    expect(casePageNamespaces.session).not.toContain("ContactForm");
    expect(casePageNamespaces.session).not.toContain("CaseDialogs");
  });

  it("counts what a Server Component reads as the server's", () => {
    // A row and its status badge (`useTranslations` in a module without "use client") are
    // rendered on the server: the browser needs none of their words.
    expect(sorted(clientNamespaces(["app/(app)/_dashboard/case-row.tsx"]))).toEqual([]);
    expect(sorted(clientNamespaces(["components/badges.tsx"]))).toEqual([]);
  });
});
