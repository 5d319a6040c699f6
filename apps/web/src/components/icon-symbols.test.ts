import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";

import type { IconSymbolName } from "./icon-symbols";
import { IconSymbols, SymbolIcon } from "./icon-symbols";

const sprite = renderToStaticMarkup(createElement(IconSymbols));
const symbols = [...sprite.matchAll(/<symbol id="icon-symbol-([a-z-]+)"([^>]*)>(.*?)<\/symbol>/g)];

describe("icon symbols", () => {
  it("are in the page once, not displayed, each with lucide's frame and a shape", () => {
    expect(sprite.startsWith('<svg class="hidden">')).toBe(true);
    expect(symbols.map(([, name]) => name)).toEqual([
      "arrow-down-left",
      "arrow-up-right",
      "mic",
      "pencil",
      "trash",
    ]);
    for (const [, , attributes, shapes] of symbols) {
      expect(attributes).toContain('viewBox="0 0 24 24"');
      expect(attributes).toContain('stroke="currentColor"');
      expect(attributes).toContain('stroke-width="2"');
      expect(attributes).toContain('fill="none"');
      expect(shapes).toMatch(/^(<(path|rect) [^>]+><\/(path|rect)>)+$/);
    }
  });

  it("draw each icon from its own symbol, hidden from screen readers", () => {
    for (const [, name] of symbols) {
      const icon = renderToStaticMarkup(
        createElement(SymbolIcon, { name: name as IconSymbolName, className: "size-4" }),
      );
      expect(icon).toBe(
        `<svg width="24" height="24" aria-hidden="true" class="size-4"><use href="#icon-symbol-${name}"></use></svg>`,
      );
      expect(sprite.match(new RegExp(`id="icon-symbol-${name}"`, "g"))).toHaveLength(1);
    }
  });
});
