// `cn` skips tailwind-merge when its cheap check (`mergeKnown`) finds no two classes that could
// conflict (or only classes of groups it knows exactly). That check must never miss a conflict tailwind-merge would resolve: these tests compare
// `cn` with `twMerge(clsx(...))` on every class the app's sources write (each pair of them) and on
// the lists the app actually combines (its `cn(...)` calls, and the @caseward/ui components
// rendered with each `className` the app passes them).
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

import { clsx } from "clsx";
import type { ClassValue } from "clsx";
import { createElement } from "react";
import type { ComponentType } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { twMerge } from "tailwind-merge";
import { describe, expect, it, vi } from "vitest";

import type * as cnModule from "./cn";

const recorded = vi.hoisted(() => [] as unknown[][]);
vi.mock("./cn", async (importOriginal) => {
  const real = await importOriginal<typeof cnModule>();
  return {
    ...real,
    cn: (...inputs: ClassValue[]) => {
      recorded.push(inputs);
      return real.cn(...inputs);
    },
  };
});

const { cn, mergeKnown } = await vi.importActual<typeof cnModule>("./cn");
const ui = await import("./index");

const root = fileURLToPath(new URL("../../..", import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

const sources = ["apps/web/src", "packages/ui/src"]
  .flatMap((dir) => sourceFiles(join(root, dir)))
  .map((path) => ({ path, text: readFileSync(path, "utf8") }));

/** The string literals of a piece of source: "…" and the static parts of `…`. */
function literals(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(/"((?:[^"\\\n]|\\.)*)"|`((?:[^`\\]|\\.)*)`/g)) {
    if (match[1] !== undefined) found.push(match[1]);
    else found.push(...match[2]!.split(/\$\{[^}]*\}/));
  }
  return found;
}

const classLike = /^[!-]?[a-z0-9[(@*&][^\s{}<>]*$/;
const vocabulary = [
  ...new Set(
    sources.flatMap(({ text }) =>
      literals(text).flatMap((literal) => literal.split(/\s+/).filter((t) => classLike.test(t))),
    ),
  ),
];

/** `md:hover:px-4` → ["md:hover", "px-4"] (variants sorted), splitting outside brackets and quotes. */
function splitVariants(className: string): [string, string] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let index = 0; index < className.length; index++) {
    const char = className[index];
    if (char === "[" || char === "(") depth++;
    else if (char === "]" || char === ")") depth--;
    else if (char === "'" || char === '"')
      index = Math.max(index, className.indexOf(char, index + 1));
    else if (char === ":" && depth === 0) {
      parts.push(className.slice(start, index));
      start = index + 1;
    }
  }
  return [parts.sort().join(":"), className.slice(start)];
}

/** Every ordered pair (and each class twice) that the check merges must be merged as twMerge does. */
function missedConflicts(classes: readonly string[]): string[] {
  const missed: string[] = [];
  // twMerge keeps both copies of a word it does not know as a Tailwind class (`group`, `button`),
  // and such a word never conflicts with anything: the pairs are those of the classes it knows.
  const tailwind = classes.filter((className) => {
    const twice = `${className} ${className}`;
    return twMerge(twice) !== twice;
  });
  for (const first of tailwind) {
    for (const second of tailwind) {
      const merged = mergeKnown([first, second]);
      const expected = twMerge(`${first} ${second}`);
      if (merged !== undefined && merged !== expected)
        missed.push(`${first} ${second} → ${merged}`);
    }
  }
  return missed;
}

/** The `cn(...)` calls written in the sources, as the lists of their string literals. */
function cnCalls(): string[][] {
  const calls: string[][] = [];
  for (const { text } of sources) {
    for (const match of text.matchAll(/\bcn\(/g)) {
      let depth = 1;
      let end = match.index + 3;
      while (depth > 0 && end < text.length) {
        const char = text[end++];
        if (char === "(") depth++;
        else if (char === ")") depth--;
      }
      const args = literals(text.slice(match.index + 3, end - 1));
      if (args.length > 0) calls.push(args);
    }
  }
  return calls;
}

/** `<Name … className="…" …>` of @caseward/ui components in the app, with their literal props. */
function componentUsages(): { name: string; props: Record<string, string> }[] {
  const usages: { name: string; props: Record<string, string> }[] = [];
  for (const { path, text } of sources) {
    if (!path.includes("apps/web")) continue;
    for (const match of text.matchAll(/<([A-Z][A-Za-z]*)\b((?:[^>"{}]|"[^"]*"|\{[^{}]*\})*)>/g)) {
      const name = match[1]!;
      if (!(name in ui)) continue;
      const props: Record<string, string> = {};
      for (const prop of match[2]!.matchAll(/\b(className|variant|size|tone)="([^"]*)"/g)) {
        props[prop[1]!] = prop[2]!;
      }
      if (props.className !== undefined) usages.push({ name, props });
    }
  }
  return usages;
}

describe("cn", () => {
  it("reads the app's classes", () => {
    // A guard on the extraction itself: if it found nothing, the tests below would prove nothing.
    expect(vocabulary.length).toBeGreaterThan(500);
    expect(vocabulary).toContain("text-muted-foreground");
    expect(cnCalls().length).toBeGreaterThan(50);
    expect(componentUsages().length).toBeGreaterThan(50);
  });

  it("never misses a conflict between two classes the app writes", () => {
    const bases = [...new Set(vocabulary.map((className) => splitVariants(className)[1]))];
    expect(missedConflicts(bases)).toEqual([]);
    const byVariants = new Map<string, string[]>();
    for (const className of vocabulary) {
      const [variants] = splitVariants(className);
      if (variants) byVariants.set(variants, [...(byVariants.get(variants) ?? []), className]);
    }
    for (const classes of byVariants.values()) expect(missedConflicts(classes)).toEqual([]);
  }, 120_000);

  it("catches the conflicts that share a prefix with a different group", () => {
    for (const [list, merged] of [
      ["text-sm text-[13px]", "text-[13px]"],
      ["px-4 p-2", "p-2"],
      ["w-8 size-4", "size-4"],
      ["shrink-0 flex-1", "flex-1"],
      ["border-border border-danger/40", "border-danger/40"],
      ["hover:bg-accent hover:bg-muted", "hover:bg-muted"],
      ["inline-flex hidden", "hidden"],
      ["rounded-md rounded-lg", "rounded-lg"],
      [
        "text-sm leading-none font-medium text-foreground font-normal",
        "text-sm leading-none text-foreground font-normal",
      ],
      ["text-base sm:text-sm font-mono text-sm", "sm:text-sm font-mono text-sm"],
      ["whitespace-nowrap ring-1 whitespace-normal", "ring-1 whitespace-normal"],
    ] as const) {
      expect(cn(list)).toBe(merged);
      expect(twMerge(list)).toBe(merged);
    }
    // Merged here without tailwind-merge: groups known exactly.
    expect(mergeKnown(["font-medium", "text-sm", "font-normal"])).toBe("text-sm font-normal");
    expect(mergeKnown(["text-base", "sm:text-sm", "text-sm"])).toBe("sm:text-sm text-sm");
    // Left to tailwind-merge: the groups are coarser here than in tailwind-merge.
    expect(mergeKnown(["text-muted-foreground", "text-foreground"])).toBeUndefined();
    expect(mergeKnown(["[&_svg]:font-medium", "[&_svg]:font-bold"])).toBeUndefined();
    for (const list of [
      "text-sm text-foreground",
      "border border-border",
      "font-medium font-mono",
      "shadow-xs shadow-black",
      "ring-1 ring-inset ring-border",
      "outline-hidden outline-ring focus-visible:outline-2 focus-visible:outline-solid",
      "border-t border-border",
      // A later side or a later width does not override an earlier shorthand.
      "p-2 px-4",
      "size-4 w-8",
    ]) {
      expect(mergeKnown(list.split(" "))).toBe(list);
      expect(cn(list)).toBe(twMerge(list));
    }
  });

  it("gives twMerge's result for every cn(...) call written in the app", () => {
    for (const args of cnCalls()) {
      expect(cn(...args), args.join(" | ")).toBe(twMerge(clsx(args)));
      for (const arg of args.slice(1)) {
        expect(cn(args[0], arg)).toBe(twMerge(clsx(args[0], arg)));
      }
    }
  });

  it("gives twMerge's result for the components with each className the app passes them", () => {
    recorded.length = 0;
    const components = ui as unknown as Record<string, ComponentType<Record<string, unknown>>>;
    for (const { name, props } of componentUsages()) {
      try {
        renderToStaticMarkup(createElement(components[name]!, props, "x"));
      } catch {
        // Parts that need a provider or a portal (dialogs, menus) are covered by cnCalls.
      }
    }
    for (const variant of ["primary", "secondary", "outline", "ghost", "danger"]) {
      for (const size of ["sm", "md", "lg", "icon"]) {
        renderToStaticMarkup(createElement(ui.Button, { variant, size } as never, "x"));
      }
    }
    expect(recorded.length).toBeGreaterThan(50);
    for (const inputs of recorded) {
      expect(cn(...(inputs as ClassValue[]))).toBe(twMerge(clsx(inputs as ClassValue[])));
    }
  });

  it("merges nothing for a Button or a Badge without a className (no tailwind-merge at load)", () => {
    for (const variant of ["primary", "secondary", "outline", "ghost", "danger"] as const) {
      for (const size of ["sm", "md", "lg", "icon"] as const) {
        const classes = ui.buttonVariants({ variant, size });
        expect(mergeKnown(classes.split(" "))).toBe(classes);
      }
    }
    for (const variant of ["neutral", "info", "success", "warning", "danger", "outline"] as const) {
      const classes = ui.badgeVariants({ variant });
      expect(mergeKnown(classes.split(" "))).toBe(classes);
    }
  });
});
