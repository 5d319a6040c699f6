import { parse, TYPE } from "@formatjs/icu-messageformat-parser";
import type { MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { locales } from "@caseward/core/i18n";
import { createTranslator } from "next-intl";
import { createElement, Fragment } from "react";
import type { ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";

import { lightFormat, parseLight } from "./light-format";
import { lightTranslator } from "./translations";

import { catalogues, flatten } from "./test-catalogues";

type Kind = "argument" | "number" | "plural" | "select" | "tag" | "other";
/** Each placeholder's kind, and a select's option keys. */
function placeholders(
  elements: MessageFormatElement[],
  into = new Map<string, { kind: Kind; options: string[] }>(),
) {
  for (const element of elements) {
    if (element.type === TYPE.argument) into.set(element.value, { kind: "argument", options: [] });
    else if (element.type === TYPE.number) into.set(element.value, { kind: "number", options: [] });
    else if (element.type === TYPE.plural || element.type === TYPE.select) {
      into.set(element.value, {
        kind: element.type === TYPE.plural ? "plural" : "select",
        options: Object.keys(element.options),
      });
      for (const option of Object.values(element.options)) placeholders(option.value, into);
    } else if (element.type === TYPE.tag) {
      into.set(element.value, { kind: "tag", options: [] });
      placeholders(element.children, into);
    } else if (element.type === TYPE.date || element.type === TYPE.time) {
      into.set(element.value, { kind: "other", options: [] });
    }
  }
  return into;
}

const numbers = [0, 1, 2, 5, 21, 100, 999, 1000, 1234, 1.5, -1];

/** Value sets that walk every branch: each plural and select on each of its values. */
function valueSets(message: string, tag: (name: string) => unknown) {
  const found = placeholders(parse(message));
  let sets: Record<string, unknown>[] = [{}];
  for (const [name, { kind, options }] of found) {
    const choices: unknown[] =
      kind === "plural" || kind === "number"
        ? numbers
        : kind === "select"
          ? [...options.filter((o) => o !== "other"), "something-else"]
          : kind === "tag"
            ? [tag(name)]
            : kind === "argument"
              ? ["Rogers « Bell »", 7, 1234]
              : [new Date(Date.UTC(2026, 11, 6))];
    sets = sets.flatMap((set) => choices.map((choice) => ({ ...set, [name]: choice })));
    if (sets.length > 400) sets = sets.slice(0, 400);
  }
  return sets;
}

describe("lightFormat writes what intl-messageformat writes", () => {
  for (const locale of locales) {
    const messages = flatten(catalogues[locale]);
    it(`${locale}: every message it takes, every branch, as next-intl's translator`, () => {
      let light = 0;
      let left = 0;
      let compared = 0;
      for (const [key, message] of messages) {
        if (!/[{<]/.test(message)) continue;
        const parts = parseLight(message);
        if (!parts) {
          left++;
          continue;
        }
        light++;
        const reference = createTranslator({
          locale,
          messages: { m: message },
          timeZone: "America/Toronto",
          onError: () => undefined,
        });
        // Tags as strings (t) and as React elements (t.rich), rendered.
        for (const values of valueSets(
          message,
          (name) => (chunks: string[]) => `[${name}:${chunks.join("")}]`,
        )) {
          const mine = lightFormat(message, values, locale);
          if (mine === undefined) continue;
          compared++;
          expect(mine, `${key} with ${JSON.stringify(values)}`).toBe(
            reference("m", values as never),
          );
        }
        for (const values of valueSets(
          message,
          (name) => (chunks: ReactNode) => createElement("b", { title: name }, chunks),
        )) {
          const mine = lightFormat(message, values, locale);
          if (mine === undefined) continue;
          const html = (node: ReactNode) =>
            renderToStaticMarkup(createElement(Fragment, null, node));
          expect(html(mine as ReactNode), key).toBe(html(reference.rich("m", values as never)));
        }
      }
      // Most messages with values take the light path (a parser that refused all would pass
      // the comparisons above vacuously).
      expect(light).toBeGreaterThan(left * 3);
      expect(compared).toBeGreaterThan(500);
    });
  }

  it("leaves to intl-messageformat what it does not write the same way", () => {
    expect(parseLight("{when, date, short}")).toBeNull();
    expect(parseLight("{n, number, percent}")).toBeNull();
    expect(parseLight("{n, plural, offset:1 other {#}}")).toBeNull();
    expect(parseLight("'{'literal'}'")).toBeNull();
    expect(parseLight("{n, selectordinal, one {#st} other {#th}}")).toBeNull();
    expect(parseLight("<b>unclosed")).toBeNull();
    expect(lightFormat("{count} cases", { count: 1234 }, "en")).toBeUndefined();
    expect(lightFormat("{count} cases", { count: 2.5 }, "en")).toBeUndefined();
    expect(lightFormat("{name}", {}, "en")).toBeUndefined();
    expect(lightFormat("{name}", { name: new Date() }, "en")).toBeUndefined();
    // A lone apostrophe is a letter, as in French.
    expect(lightFormat("l'adresse de {name}", { name: "Bell" }, "fr-CA")).toBe("l'adresse de Bell");
    expect(lightFormat("{n, plural, one {# dossier} other {# dossiers}}", { n: 0 }, "fr-CA")).toBe(
      "0 dossier",
    );
    expect(lightFormat("{n, plural, one {# case} other {# cases}}", { n: 0 }, "en")).toBe(
      "0 cases",
    );
  });
});

describe("lightTranslator", () => {
  const messages = {
    Ns: {
      plain: "Plain",
      words: "{tier} questions",
      when: "Answered {when, date, short}",
      rich: "Press <kbd>Enter</kbd> to save",
      nested: { deep: "{count, plural, one {# open} other {# open}}" },
    },
  };
  const base = createTranslator({ locale: "en", messages, namespace: "Ns", timeZone: "UTC" });
  const t = lightTranslator(base, messages, "Ns", "en") as unknown as typeof base;

  it("writes light messages itself and hands the rest to next-intl", () => {
    expect(t("plain")).toBe("Plain");
    expect(t("words", { tier: "Need to know" })).toBe("Need to know questions");
    expect(t("nested.deep", { count: 3 })).toBe("3 open");
    expect(t("when", { when: new Date(Date.UTC(2026, 11, 6, 12)) })).toBe(
      base("when", { when: new Date(Date.UTC(2026, 11, 6, 12)) }),
    );
    expect(t("words", { tier: "x" }, { number: {} })).toBe("x questions");
  });

  it("gives rich text keyed elements, as next-intl does", () => {
    const node = t.rich("rich", { kbd: (chunks) => createElement("kbd", null, chunks) });
    expect(Array.isArray(node)).toBe(true);
    const parts = node as unknown as { key?: string }[];
    expect(parts[1]?.key).toBe("kbd0");
    expect(renderToStaticMarkup(createElement(Fragment, null, node))).toBe(
      "Press <kbd>Enter</kbd> to save",
    );
  });
});
