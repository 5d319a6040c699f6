import type { ReactNode } from "react";
import { createElement as h, forwardRef, Fragment, memo } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";

import { staticMarkup } from "./static-markup";

// The web app's JSX is not transformed by vitest (Next's `jsx: preserve`): elements are built
// with createElement, as the compiled Server Components build them.
const stroke = {
  viewBox: "0 0 24 24",
  fill: "none",
  stroke: "currentColor",
  strokeWidth: 2,
  strokeLinecap: "round",
  strokeLinejoin: "round",
} as const;
const Icon = ({ className }: { className?: string }) =>
  h(
    "svg",
    {
      xmlns: "http://www.w3.org/2000/svg",
      width: 24,
      height: 24,
      ...stroke,
      "aria-hidden": true,
      className,
    },
    h("circle", { cx: "12", cy: "12", r: "10" }),
    h("path", { d: "m16 9-5.5 5.5L8 12" }),
    h("line", { x1: "12", x2: "12.01", y1: "16", y2: "16" }),
  );
const SymbolIcon = ({ name, className }: { name: string; className?: string }) =>
  h(
    "svg",
    { width: 24, height: 24, "aria-hidden": true, className },
    h("use", { href: `#icon-symbol-${name}` }),
  );
const Badge = ({ variant, children }: { variant: string; children?: ReactNode }) =>
  h("span", { className: `badge ${variant}` }, children);

/** A contact's heading and details as the timeline writes them, with awkward text in them. */
function contactParts(text: string) {
  return [
    h(
      Fragment,
      { key: "heading" },
      h(SymbolIcon, { name: "arrow-up-right", className: "size-4 text-muted-foreground" }),
      h("span", { className: "font-medium" }, "You contacted them · Phone"),
      h(
        "time",
        { dateTime: "2025-10-17T17:19:04.734Z", className: "text-muted-foreground" },
        text,
        " · ",
        44,
        " min",
      ),
      h(
        Badge,
        { variant: "info" },
        h(SymbolIcon, { name: "mic", className: "size-3" }),
        " ",
        "Recorded",
      ),
      false,
      null,
      undefined,
    ),
    h(
      Fragment,
      { key: "details" },
      h("dt", { className: "text-muted-foreground" }, "Representative"),
      h("dd", null, text, text ? ` (ID ${text})` : ""),
      h(
        "dd",
        { className: "font-mono" },
        ["A", "B", 0].map((part) => h("span", { key: String(part) }, part)),
      ),
    ),
    h(
      "li",
      { key: "answered", className: "flex gap-1.5" },
      h(Icon, { className: "mt-0.5 size-4 shrink-0 text-success" }),
      h("span", null, h("span", { className: "font-medium" }, text), " — ", text),
    ),
    h(
      "p",
      { key: "p", hidden: true, "aria-label": text, "data-ready": false },
      h("br"),
      h("input", { id: "x", title: text }),
    ),
  ];
}

describe("staticMarkup", () => {
  const texts = [
    "Fri, Oct 17, 2025, 1:19 p.m. EDT",
    `Tom & Jerry's <b>"ref"</b> > 5 < 6`,
    "Réclamation « urgente » — 12 h 30",
    "",
    "line one\nline two\ttab",
    "{curly} `back` $dollar \\ slash",
  ];
  for (const text of texts) {
    it(`writes what React's server renderer writes: ${JSON.stringify(text).slice(0, 30)}`, () => {
      const parts = contactParts(text);
      expect(staticMarkup(parts)).toBe(renderToStaticMarkup(h(Fragment, null, parts)));
      for (const part of parts) expect(staticMarkup(part)).toBe(renderToStaticMarkup(part));
    });
  }

  it("writes nothing for empty children", () => {
    expect(staticMarkup(null)).toBe("");
    expect(staticMarkup([false, undefined, [null]])).toBe("");
  });

  it("refuses what it cannot write as React would", () => {
    expect(() => staticMarkup(h("button", { onClick: () => {} }, "x"))).toThrow(/onClick/);
    expect(() => staticMarkup(h("div", { style: { color: "red" } }))).toThrow(/style/);
    expect(() => staticMarkup(h("div", { dangerouslySetInnerHTML: { __html: "<b/>" } }))).toThrow();
    expect(() => staticMarkup(h("input", { disabled: true }))).toThrow(/disabled/);
    expect(() => staticMarkup(h("span", { title: { text: "x" } }))).toThrow(/not text/);
    expect(() => staticMarkup(h("a", { href: "javascript:alert(1)" }, "x"))).toThrow(/href/);
    expect(() => staticMarkup(h("a", { href: "https://example.com" }, "x"))).toThrow(/href/);
    const Async = () => Promise.resolve(h("span"));
    expect(() => staticMarkup(h(Async))).toThrow(/async/);
    const Memo = memo(() => h("span"));
    expect(() => staticMarkup(h(Memo))).toThrow(/client, memo or lazy/);
    const Forwarded = forwardRef<HTMLSpanElement>((_, ref) => h("span", { ref }));
    expect(() => staticMarkup(h(Forwarded))).toThrow(/client, memo or lazy/);
    expect(() => staticMarkup({ text: "x" } as unknown as ReactNode)).toThrow(/cannot write/);
  });

  it("refuses a client component (a client reference is not called)", () => {
    const reference = Object.assign(() => h("span"), {
      $$typeof: Symbol.for("react.client.reference"),
    });
    expect(() => staticMarkup(h(reference))).toThrow(/client, memo or lazy/);
  });
});
