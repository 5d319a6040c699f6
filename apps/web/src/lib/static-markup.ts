import type { ReactElement, ReactNode } from "react";
import { Fragment } from "react";

/**
 * The HTML of a Server Component's static markup: host elements, text and plain function
 * components, escaped as React escapes them. A part of a page that no script ever changes
 * (a contact's heading and details on the case page) is given to its element as
 * `dangerouslySetInnerHTML` (`StaticChildren`): the browser shows the same elements, and React
 * hydrates one element instead of each of them (a case of twenty contacts: ~300 fewer fibers
 * to hydrate and commit while the page loads on a phone).
 *
 * Deliberately strict: anything it cannot write exactly as React would (an event handler, a
 * style object, a ref, a client or async component, an attribute outside the list below) throws,
 * so such a part is never sent half-written.
 */
export function staticMarkup(node: ReactNode): string {
  if (node === null || node === undefined || typeof node === "boolean") return "";
  if (typeof node === "string") return escape(node);
  if (typeof node === "number" || typeof node === "bigint") return escape(String(node));
  if (Array.isArray(node)) return node.map((child: ReactNode) => staticMarkup(child)).join("");
  if (!isElement(node)) throw new Error(`staticMarkup: cannot write ${describe(node)}`);
  const { type } = node;
  const props = node.props as Record<string, unknown> & { children?: ReactNode };
  if (type === Fragment) return staticMarkup(props.children);
  if (typeof type === "string") return hostElement(type, props);
  if (typeof type === "function" && !("$$typeof" in type)) {
    const rendered = (type as (props: unknown) => unknown)(props);
    if (rendered instanceof Promise) {
      throw new Error(`staticMarkup: ${type.name || "a component"} is async`);
    }
    return staticMarkup(rendered as ReactNode);
  }
  throw new Error(`staticMarkup: cannot write ${describe(type)} (client, memo or lazy component)`);
}

const isElement = (node: unknown): node is ReactElement =>
  typeof node === "object" && node !== null && "$$typeof" in node && "type" in node;

const describe = (value: unknown) =>
  typeof value === "function" ? `function ${value.name}` : Object.prototype.toString.call(value);

/** Elements without content or closing tag, written `<input/>` as React writes them. */
const voidElements = new Set([
  "area",
  "base",
  "br",
  "col",
  "embed",
  "hr",
  "img",
  "input",
  "link",
  "meta",
  "source",
  "track",
  "wbr",
]);

/** Props written under another name. */
const renamed: Record<string, string> = {
  className: "class",
  htmlFor: "for",
  strokeWidth: "stroke-width",
  strokeLinecap: "stroke-linecap",
  strokeLinejoin: "stroke-linejoin",
  fillRule: "fill-rule",
  clipRule: "clip-rule",
  shapeRendering: "shape-rendering",
  vectorEffect: "vector-effect",
};

/** Props written as they are named (with `aria-*` and `data-*`). */
const plain = new Set([
  "id",
  "focusable",
  "title",
  "role",
  "lang",
  "dir",
  "hidden",
  "dateTime",
  "href",
  "width",
  "height",
  "viewBox",
  "xmlns",
  "fill",
  "stroke",
  "d",
  "cx",
  "cy",
  "r",
  "rx",
  "ry",
  "x",
  "y",
  "x1",
  "x2",
  "y1",
  "y2",
  "points",
]);

/** Attributes whose value React writes as "" when true (and leaves out when false). */
const booleans = new Set(["hidden"]);

function hostElement(tag: string, props: Record<string, unknown> & { children?: ReactNode }) {
  if (!/^[a-z][a-z0-9-]*$/.test(tag)) throw new Error(`staticMarkup: tag <${tag}>`);
  let attributes = "";
  for (const [name, value] of Object.entries(props)) {
    if (name === "children" || value === undefined || value === null) continue;
    const isAria = name.startsWith("aria-") || name.startsWith("data-");
    if (!isAria && !plain.has(name) && !(name in renamed)) {
      throw new Error(`staticMarkup: <${tag} ${name}> is not written here`);
    }
    if (typeof value === "boolean") {
      if (isAria) attributes += ` ${name}="${value}"`;
      else if (booleans.has(name)) attributes += value ? ` ${name}=""` : "";
      else throw new Error(`staticMarkup: <${tag} ${name}> takes no boolean`);
      continue;
    }
    if (typeof value !== "string" && typeof value !== "number") {
      throw new Error(`staticMarkup: <${tag} ${name}> is not text`);
    }
    // Only a place in the page (an icon's `<use href="#…">`): React blocks a `javascript:` link,
    // and this writer does not try to.
    if (name === "href" && !String(value).startsWith("#")) {
      throw new Error(`staticMarkup: <${tag} href> other than "#…" is not written here`);
    }
    attributes += ` ${renamed[name] ?? name}="${escape(String(value))}"`;
  }
  if (voidElements.has(tag)) {
    if (props.children !== undefined && props.children !== null) {
      throw new Error(`staticMarkup: <${tag}> has no content`);
    }
    return `<${tag}${attributes}/>`;
  }
  return `<${tag}${attributes}>${staticMarkup(props.children)}</${tag}>`;
}

const entities: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#x27;",
};

/** Text and attribute values, escaped as React's server renderer escapes them. */
function escape(text: string) {
  return text.replace(/[&<>"']/g, (char) => entities[char]!);
}
