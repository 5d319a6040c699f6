import { parse, TYPE } from "@formatjs/icu-messageformat-parser";
import type { MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { coreMessages } from "@caseward/core";
import { locales } from "@caseward/core/i18n";
import { describe, expect, it } from "vitest";

import en from "../../messages/en";
import type { Catalogue } from "./test-catalogues";
import { catalogues, flatten } from "./test-catalogues";

const typeNames: Partial<Record<TYPE, string>> = {
  [TYPE.argument]: "argument",
  [TYPE.number]: "number",
  [TYPE.date]: "date",
  [TYPE.time]: "time",
  [TYPE.select]: "select",
  [TYPE.plural]: "plural",
  [TYPE.tag]: "tag",
};

/** A message's placeholders as "name:kind" (plural, select, tag…), nested branches included. */
function placeholders(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const element of elements) {
    const kind = typeNames[element.type];
    if (kind && "value" in element) into.add(`${element.value}:${kind}`);
    if ("options" in element) {
      for (const option of Object.values(element.options)) placeholders(option.value, into);
    }
    if ("children" in element) placeholders(element.children, into);
  }
  return into;
}

/** What differs between two catalogues: keys one lacks, placeholders that do not match. */
function differences(a: Catalogue, b: Catalogue, names = ["a", "b"]): string[] {
  const [left, right] = [flatten(a), flatten(b)];
  const problems: string[] = [];
  for (const key of left.keys())
    if (!right.has(key)) problems.push(`${key} missing in ${names[1]}`);
  for (const key of right.keys())
    if (!left.has(key)) problems.push(`${key} missing in ${names[0]}`);
  for (const [key, message] of left) {
    const other = right.get(key);
    if (other === undefined) continue;
    const [mine, theirs] = [message, other].map((m) => [...placeholders(parse(m))].sort());
    if (mine?.join() !== theirs?.join()) {
      problems.push(`${key}: {${mine?.join(", ")}} vs {${theirs?.join(", ")}}`);
    }
  }
  return problems;
}

describe("message catalogues", () => {
  it("has one catalogue per locale", () => {
    expect(Object.keys(catalogues).sort()).toEqual([...locales].sort());
  });

  it("never gives a namespace to both core and the web (one would hide the other)", () => {
    const shared = Object.keys(coreMessages.en).filter((name) => name in en);
    expect(shared).toEqual([]);
  });

  it("has the same keys and the same ICU placeholders in English and French", () => {
    expect(differences(catalogues.en, catalogues["fr-CA"], ["en", "fr-CA"])).toEqual([]);
  });

  it("parses every message as ICU, plurals with an `other` branch", () => {
    for (const catalogue of Object.values(catalogues)) {
      for (const [key, message] of flatten(catalogue)) {
        const elements = parse(message);
        for (const element of elements) {
          if (element.type === TYPE.plural) expect(element.options, key).toHaveProperty("other");
        }
      }
    }
  });

  it("catches a key in one language only, and a placeholder renamed or dropped", () => {
    const base = { A: { hi: "Hello {name}", n: "{count, plural, one {# case} other {# cases}}" } };
    expect(differences(base, { A: { hi: "Bonjour {name}" } })).toEqual(["A.n missing in b"]);
    expect(
      differences(base, {
        A: { hi: "Bonjour {nom}", n: "{count, plural, one {# dossier} other {# dossiers}}" },
      }),
    ).toEqual(["A.hi: {name:argument} vs {nom:argument}"]);
    expect(differences(base, { A: { hi: "Bonjour {name}", n: "{count} dossiers" } })).toEqual([
      "A.n: {count:plural} vs {count:argument}",
    ]);
  });
});
