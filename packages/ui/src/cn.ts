import { clsx } from "clsx";
import type { ClassValue } from "clsx";
import { twMerge } from "tailwind-merge";

/**
 * Joins class names; later Tailwind classes win over earlier ones (so callers can override).
 *
 * tailwind-merge builds a map of every Tailwind class group on its first call: ~100–170 ms of a
 * 4×-slowed phone's main thread while the first page hydrates (issue 17). Most `cn()` calls
 * combine classes that cannot conflict, so a cheap check (`mergeKnown`, below) runs first and
 * tailwind-merge only runs when two classes could set the same thing (a few groups the check
 * knows exactly, like font weights, it merges itself). The check errs one way only: it may send
 * a list to tailwind-merge that did not need it, never the other way round (`cn.test.ts` compares
 * it with tailwind-merge on every pair of classes and every combination the app uses).
 */
export function cn(...inputs: ClassValue[]): string {
  const joined = clsx(inputs);
  const cached = merged.get(joined);
  if (cached !== undefined) return cached;
  const classes = joined.trim().split(/\s+/);
  const result = classes.length < 2 ? (classes[0] ?? "") : (mergeKnown(classes) ?? twMerge(joined));
  // A page writes the same lists many times (a row's badges, a list's buttons): keep the answers
  // (tailwind-merge keeps its own the same way).
  if (merged.size >= 500) merged.clear();
  merged.set(joined, result);
  return result;
}

const merged = new Map<string, string>();

/**
 * A class's group as far as conflicts go (`group`) and the groups a later class of this group
 * overrides (`overrides`), in tailwind-merge's sense; `undefined` when the class is not one this
 * check knows well enough (then tailwind-merge decides). Groups may be coarser than
 * tailwind-merge's (two of its groups under one name), never finer.
 */
interface Slot {
  group: string;
  overrides?: readonly string[];
  /**
   * The group is exactly tailwind-merge's, its values listed (no value tailwind-merge would not
   * count as a Tailwind class), and nothing else overrides it: an earlier class of it that a
   * later one overrides can be dropped here as tailwind-merge drops it.
   */
  exact?: boolean;
}

/** Box sides and their shorthands, as tailwind-merge's conflicting groups list them. */
const allSides = ["x", "y", "s", "e", "bs", "be", "t", "r", "b", "l"] as const;
const xSides = ["s", "e", "r", "l"] as const;
const ySides = ["bs", "be", "t", "b"] as const;

function boxSlots(name: string): Record<string, Slot> {
  const sides = (group: string, leaves: readonly string[]): Slot => ({
    group: `${name}-${group}`,
    overrides: leaves.map((leaf) => `${name}-${leaf}`),
  });
  const slots: Record<string, Slot> = {
    [name]: sides("all", allSides),
    [`${name}x`]: sides("x", xSides),
    [`${name}y`]: sides("y", ySides),
  };
  for (const side of ["s", "e", "bs", "be", "t", "r", "b", "l"]) {
    slots[`${name}${side}`] = { group: `${name}-${side}` };
  }
  return slots;
}

const insetSides = [
  "x",
  "y",
  "bs",
  "be",
  "start",
  "end",
  "top",
  "right",
  "bottom",
  "left",
] as const;

const tshirt = /^(\d+(\.\d+)?)?(xs|sm|md|lg|xl)$/;
const number = /^\d+(\.\d+)?$/;
const arbitraryLength = /^\[(\d+(\.\d+)?|\d*\.\d+)(px|rem|em|%|vh|vw|dvh|svh|lvh|ch|ex|lh)\]$/;

/** Classes that are a whole word (no value). */
const keywords: Record<string, Slot> = {
  border: { group: "border-w-all", overrides: allSides.map((side) => `border-w-${side}`) },
  // Not Tailwind utilities: tailwind-merge keeps every one of them.
  group: { group: "not-tailwind-group" },
  peer: { group: "not-tailwind-peer" },
  // The badge's shape, a class of ./styles.css.
  badge: { group: "not-tailwind-badge" },
  rounded: { group: "rounded" },
  shadow: { group: "shadow" },
  ring: { group: "ring-w" },
  outline: { group: "outline-w" },
  transition: { group: "transition" },
  grow: { group: "grow" },
  shrink: { group: "shrink" },
  truncate: { group: "text-overflow" },
  underline: { group: "text-decoration" },
  overline: { group: "text-decoration" },
  "line-through": { group: "text-decoration" },
  "no-underline": { group: "text-decoration" },
  uppercase: { group: "text-transform" },
  lowercase: { group: "text-transform" },
  capitalize: { group: "text-transform" },
  "normal-case": { group: "text-transform" },
  italic: { group: "font-style" },
  "not-italic": { group: "font-style" },
  antialiased: { group: "font-smoothing" },
  "subpixel-antialiased": { group: "font-smoothing" },
  visible: { group: "visibility" },
  invisible: { group: "visibility" },
  collapse: { group: "visibility" },
  isolate: { group: "isolation" },
  "isolation-auto": { group: "isolation" },
  "normal-nums": {
    group: "fvn-normal",
    overrides: ["fvn-ordinal", "fvn-slashed-zero", "fvn-figure", "fvn-spacing", "fvn-fraction"],
  },
  ordinal: { group: "fvn-ordinal", overrides: ["fvn-normal"] },
  "slashed-zero": { group: "fvn-slashed-zero", overrides: ["fvn-normal"] },
  "lining-nums": { group: "fvn-figure", overrides: ["fvn-normal"] },
  "oldstyle-nums": { group: "fvn-figure", overrides: ["fvn-normal"] },
  "proportional-nums": { group: "fvn-spacing", overrides: ["fvn-normal"] },
  "tabular-nums": { group: "fvn-spacing", overrides: ["fvn-normal"] },
  "diagonal-fractions": { group: "fvn-fraction", overrides: ["fvn-normal"] },
  "stacked-fractions": { group: "fvn-fraction", overrides: ["fvn-normal"] },
};
for (const display of [
  "block",
  "inline-block",
  "inline",
  "flex",
  "inline-flex",
  "grid",
  "inline-grid",
  "contents",
  "flow-root",
  "hidden",
  "list-item",
  "table",
  "inline-table",
  "table-row",
  "table-cell",
]) {
  keywords[display] = { group: "display" };
}
for (const position of ["static", "fixed", "absolute", "relative", "sticky"]) {
  keywords[position] = { group: "position" };
}

/** How a `name-value` class is grouped, by its name (the longest known name wins). */
type Family = Slot | ((value: string) => Slot | undefined);

const colorOr =
  (name: string, known: Record<string, string>, isSize?: (value: string) => boolean) =>
  (value: string): Slot | undefined => {
    const group = known[value];
    if (group) return { group: `${name}-${group}` };
    if (isSize?.(value)) return { group: `${name}-w` };
    // A word (a theme colour like `muted-foreground`); an arbitrary or variable value could
    // be any of the name's groups.
    if (/^[a-z][a-z0-9-]*$/.test(value)) return { group: `${name}-color` };
    return undefined;
  };

const lineStyles = { solid: "style", dashed: "style", dotted: "style", double: "style" };

const families: Record<string, Family> = {
  ...boxSlots("p"),
  ...boxSlots("m"),
  ...boxSlots("scroll-m"),
  ...boxSlots("scroll-p"),
  gap: { group: "gap", overrides: ["gap-x", "gap-y"] },
  "gap-x": { group: "gap-x" },
  "gap-y": { group: "gap-y" },
  "space-x": (value) => (value === "reverse" ? undefined : { group: "space-x" }),
  "space-y": (value) => (value === "reverse" ? undefined : { group: "space-y" }),
  size: { group: "size", overrides: ["w", "h"] },
  w: { group: "w" },
  h: { group: "h" },
  "min-w": { group: "min-w" },
  "min-h": { group: "min-h" },
  "max-w": { group: "max-w" },
  "max-h": { group: "max-h" },
  inset: (value) =>
    value.startsWith("shadow") || value.startsWith("ring")
      ? undefined
      : { group: "inset", overrides: insetSides.map((side) => `inset-${side}`) },
  "inset-x": {
    group: "inset-x",
    overrides: ["inset-start", "inset-end", "inset-right", "inset-left"],
  },
  "inset-y": { group: "inset-y", overrides: ["inset-bs", "inset-be", "inset-top", "inset-bottom"] },
  "inset-bs": { group: "inset-bs" },
  "inset-be": { group: "inset-be" },
  start: { group: "inset-start" },
  end: { group: "inset-end" },
  top: { group: "inset-top" },
  right: { group: "inset-right" },
  bottom: { group: "inset-bottom" },
  left: { group: "inset-left" },
  z: { group: "z" },
  order: { group: "order" },
  basis: { group: "basis" },
  grow: { group: "grow" },
  shrink: { group: "shrink" },
  flex: (value) => {
    if (["row", "row-reverse", "col", "col-reverse"].includes(value)) return { group: "flex-dir" };
    if (["wrap", "wrap-reverse", "nowrap"].includes(value)) return { group: "flex-wrap" };
    return { group: "flex", overrides: ["basis", "grow", "shrink"] };
  },
  "grid-cols": { group: "grid-cols" },
  "grid-rows": { group: "grid-rows" },
  "grid-flow": { group: "grid-flow" },
  col: { group: "col" },
  row: { group: "row" },
  items: { group: "align-items" },
  self: { group: "align-self" },
  justify: (value) =>
    value.startsWith("items") || value.startsWith("self")
      ? undefined
      : { group: "justify-content" },
  overflow: { group: "overflow", overrides: ["overflow-x", "overflow-y"] },
  "overflow-x": { group: "overflow-x" },
  "overflow-y": { group: "overflow-y" },
  overscroll: { group: "overscroll", overrides: ["overscroll-x", "overscroll-y"] },
  "overscroll-x": { group: "overscroll-x" },
  "overscroll-y": { group: "overscroll-y" },
  rounded: (value) => {
    const [side] = value.split("-");
    if (
      side &&
      ["s", "e", "t", "r", "b", "l", "ss", "se", "ee", "es", "tl", "tr", "br", "bl"].includes(side)
    ) {
      return undefined;
    }
    return {
      group: "rounded",
      overrides: [
        ...["s", "e", "t", "r", "b", "l"].map((side) => `rounded-${side}`),
        ...["ss", "se", "ee", "es", "tl", "tr", "br", "bl"].map((corner) => `rounded-${corner}`),
      ],
    };
  },
  text: (value) => {
    if (tshirt.test(value) || value === "base" || arbitraryLength.test(value)) {
      return { group: "font-size", exact: true };
    }
    if (["left", "center", "right", "justify", "start", "end"].includes(value)) {
      return { group: "text-align" };
    }
    if (["wrap", "nowrap", "balance", "pretty"].includes(value)) return { group: "text-wrap" };
    if (value === "ellipsis" || value === "clip") return { group: "text-overflow" };
    if (value.startsWith("shadow")) return undefined;
    return /^[a-z][a-z0-9-]*$/.test(value) ? { group: "text-color" } : undefined;
  },
  font: (value) => {
    if (
      [
        "thin",
        "extralight",
        "light",
        "normal",
        "medium",
        "semibold",
        "bold",
        "extrabold",
        "black",
      ].includes(value)
    ) {
      return { group: "font-weight", exact: true };
    }
    if (["sans", "serif", "mono"].includes(value)) return { group: "font-family" };
    return undefined;
  },
  leading: { group: "leading" },
  tracking: { group: "tracking" },
  whitespace: (value) =>
    ["normal", "nowrap", "pre", "pre-line", "pre-wrap", "break-spaces"].includes(value)
      ? { group: "whitespace", exact: true }
      : undefined,
  wrap: { group: "overflow-wrap" },
  break: (value) => {
    if (["normal", "words", "all", "keep"].includes(value)) return { group: "word-break" };
    if (value.startsWith("inside")) return { group: "break-inside" };
    return undefined;
  },
  border: (value) => {
    if (["solid", "dashed", "dotted", "double", "hidden", "none"].includes(value)) {
      return { group: "border-style" };
    }
    // `border-t`, `border-x-2`, `border-b-danger`: one side's width or colour.
    const [first, ...rest] = value.split("-");
    const side = first && (allSides as readonly string[]).includes(first) ? first : undefined;
    const sideValue = side ? rest.join("-") : value;
    const leaves = side === "x" ? xSides : side === "y" ? ySides : side ? [] : allSides;
    const slot = (kind: string): Slot => ({
      group: `border-${kind}-${side ?? "all"}`,
      overrides: leaves.map((leaf) => `border-${kind}-${leaf}`),
    });
    if ((side && sideValue === "") || number.test(sideValue)) return slot("w");
    if (["collapse", "separate"].includes(value) || value.startsWith("spacing")) return undefined;
    return /^[a-z][a-z0-9-]*$/.test(sideValue) ? slot("color") : undefined;
  },
  bg: (value) => {
    if (
      /^(fixed|local|scroll|clip-|origin-|repeat|no-repeat|auto|cover|contain|bottom|center|left|right|top|none|linear|radial|conic|blend)/.test(
        value,
      )
    ) {
      return undefined;
    }
    if (/^\[(repeating-)?(linear|radial|conic)-gradient\(.+\)\]$/.test(value)) {
      return { group: "bg-image" };
    }
    return /^[a-z][a-z0-9-]*$/.test(value) ? { group: "bg-color" } : undefined;
  },
  shadow: (value) => {
    if (["2xs", "xs", "sm", "md", "lg", "xl", "2xl", "none"].includes(value)) {
      return { group: "shadow" };
    }
    return /^[a-z][a-z0-9-]*$/.test(value) ? { group: "shadow-color" } : undefined;
  },
  ring: (value) => {
    if (value === "inset") return { group: "ring-inset" };
    return colorOr("ring", {}, (v) => number.test(v))(value);
  },
  "ring-offset": (value) => colorOr("ring-offset", {}, (v) => number.test(v))(value),
  outline: (value) => {
    if (value === "hidden" || value === "none") return { group: "outline-style" };
    return colorOr("outline", lineStyles, (v) => number.test(v))(value);
  },
  "outline-offset": { group: "outline-offset" },
  "underline-offset": { group: "underline-offset" },
  opacity: { group: "opacity" },
  cursor: { group: "cursor" },
  select: { group: "select" },
  "pointer-events": { group: "pointer-events" },
  appearance: { group: "appearance" },
  transition: (value) =>
    ["all", "colors", "opacity", "shadow", "transform", "none"].includes(value) ||
    value.startsWith("[")
      ? { group: "transition" }
      : undefined,
  duration: { group: "duration" },
  ease: { group: "ease" },
  delay: { group: "delay" },
  animate: { group: "animate" },
  "translate-x": { group: "translate-x" },
  "translate-y": { group: "translate-y" },
  origin: { group: "origin" },
  aspect: { group: "aspect" },
  columns: { group: "columns" },
  fill: { group: "fill" },
  "line-clamp": (value) =>
    number.test(value) || value === "none"
      ? { group: "line-clamp", overrides: ["display", "overflow", "overflow-x", "overflow-y"] }
      : undefined,
};

/** Splits `md:hover:!px-4` into its variants (sorted: order does not matter here) and base. */
function parse(className: string): { variants: string; base: string } | undefined {
  const variants: string[] = [];
  let depth = 0;
  let start = 0;
  for (let index = 0; index < className.length; index++) {
    const char = className[index];
    if (char === "[" || char === "(") depth++;
    else if (char === "]" || char === ")") depth--;
    else if (char === "\\") return undefined;
    else if (char === "'" || char === '"') {
      // Quoted text (`[&_svg:not([class*='size-'])]`) neither nests nor separates.
      const close = className.indexOf(char, index + 1);
      if (close < 0) return undefined;
      index = close;
    } else if (char === ":" && depth === 0) {
      variants.push(className.slice(start, index));
      start = index + 1;
    }
  }
  let base = className.slice(start);
  let important = "";
  if (base.endsWith("!")) {
    base = base.slice(0, -1);
    important = "!";
  } else if (base.startsWith("!")) {
    base = base.slice(1);
    important = "!";
  }
  return { variants: variants.sort().join(":") + important, base };
}

/** The slot of a class without its variants, or `undefined` when this check does not know it. */
function slotOf(className: string): Slot | undefined {
  let base = className;
  // A postfix like `bg-primary/90` or `w-1/2` (outside brackets) keeps the class's group; a
  // font size with one (`text-sm/6`) also sets the line height: let tailwind-merge decide.
  const slash = topLevelSlash(base);
  if (slash >= 0) {
    if (base.startsWith("text-")) return undefined;
    base = base.slice(0, slash);
  }
  if (base.startsWith("-")) base = base.slice(1);
  const keyword = keywords[base];
  if (keyword) return keyword;
  for (let dash = base.lastIndexOf("-"); dash > 0; dash = base.lastIndexOf("-", dash - 1)) {
    const family = families[base.slice(0, dash)];
    if (family) {
      const value = base.slice(dash + 1);
      if (value === "") return undefined;
      return typeof family === "function" ? family(value) : family;
    }
  }
  return undefined;
}

function topLevelSlash(base: string): number {
  let depth = 0;
  for (let index = 0; index < base.length; index++) {
    const char = base[index];
    if (char === "[" || char === "(") depth++;
    else if (char === "]" || char === ")") depth--;
    else if (char === "/" && depth === 0) return index;
  }
  return -1;
}

/** Variants whose order tailwind-merge keeps (it sorts the others): no exact merging with them. */
const orderedVariant =
  /^(\[|\*|after$|backdrop$|before$|details-content$|file$|first-letter$|first-line$|marker$|placeholder$|selection$)/;

/**
 * `classes` merged as tailwind-merge would, or `undefined` when that needs tailwind-merge: when
 * two of them (with the same variants) may be in conflicting groups that are not both exact, or
 * when one is a class this check does not know. Walks from the last class to the first, as
 * tailwind-merge does.
 */
export function mergeKnown(classes: readonly string[]): string | undefined {
  const taken = new Set<string>();
  let dropped: Set<number> | undefined;
  for (let index = classes.length - 1; index >= 0; index--) {
    const known = classInfo(classes[index]!);
    if (!known) return undefined;
    if (taken.has(known.id)) {
      if (!known.exact) return undefined;
      (dropped ??= new Set()).add(index);
      continue;
    }
    taken.add(known.id);
    for (const other of known.overrideIds) taken.add(other);
  }
  return dropped ? classes.filter((_, index) => !dropped.has(index)).join(" ") : classes.join(" ");
}

/** A class as `mergeKnown` uses it: the ids (variants and group) it takes and overrides. */
interface KnownClass {
  id: string;
  overrideIds: readonly string[];
  /** Its group is exact and its variants are ones tailwind-merge sorts as this check does. */
  exact: boolean;
}

/** Each class is read once (a page writes the same few hundred classes again and again). */
const knownClasses = new Map<string, KnownClass | null>();

function classInfo(className: string): KnownClass | null {
  let known = knownClasses.get(className);
  if (known !== undefined) return known;
  const parsed = parse(className);
  const slot = parsed && slotOf(parsed.base);
  known =
    parsed && slot
      ? {
          id: `${parsed.variants}|${slot.group}`,
          overrideIds: (slot.overrides ?? []).map((other) => `${parsed.variants}|${other}`),
          exact:
            slot.exact === true && !parsed.variants.split(":").some((v) => orderedVariant.test(v)),
        }
      : null;
  if (knownClasses.size >= 5000) knownClasses.clear();
  knownClasses.set(className, known);
  return known;
}
