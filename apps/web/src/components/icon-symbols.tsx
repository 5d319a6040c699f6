// Icons drawn on every contact of a timeline, as symbols: their paths are in the page once
// (`IconSymbols`), and each icon is an `<svg>` with a `<use>` of its symbol. Twenty contacts
// draw sixty of them; as inline SVG (`plain-icons.tsx`) each was three to six elements and
// ~400 bytes of HTML, and those a Server Component renders were as much again in React's payload.
// Paths copied from lucide-react 1.81 (ISC licence), size 24, stroke 2, as `plain-icons.tsx`.
import type { SVGProps } from "react";

import { lucideStroke } from "~/components/plain-icons";

const symbols = {
  "arrow-down-left": (
    <>
      <path d="M17 7 7 17" />
      <path d="M17 17H7V7" />
    </>
  ),
  "arrow-up-right": (
    <>
      <path d="M7 7h10v10" />
      <path d="M7 17 17 7" />
    </>
  ),
  mic: (
    <>
      <path d="M12 19v3" />
      <path d="M19 10v2a7 7 0 0 1-14 0v-2" />
      <rect x="9" y="2" width="6" height="13" rx="3" />
    </>
  ),
  pencil: (
    <>
      <path d="M21.174 6.812a1 1 0 0 0-3.986-3.987L3.842 16.174a2 2 0 0 0-.5.83l-1.321 4.352a.5.5 0 0 0 .623.622l4.353-1.32a2 2 0 0 0 .83-.497z" />
      <path d="m15 5 4 4" />
    </>
  ),
  trash: (
    <>
      <path d="M10 11v6" />
      <path d="M14 11v6" />
      <path d="M19 6v14a2 2 0 0 1-2 2H7a2 2 0 0 1-2-2V6" />
      <path d="M3 6h18" />
      <path d="M8 6V4a2 2 0 0 1 2-2h4a2 2 0 0 1 2 2v2" />
    </>
  ),
};

export type IconSymbolName = keyof typeof symbols;

const symbolId = (name: IconSymbolName) => `icon-symbol-${name}`;

/** The symbols `SymbolIcon` draws, rendered once in a page that shows them (not displayed). */
export function IconSymbols() {
  return (
    <svg className="hidden">
      {Object.entries(symbols).map(([name, paths]) => (
        <symbol key={name} id={symbolId(name as IconSymbolName)} {...lucideStroke}>
          {paths}
        </symbol>
      ))}
    </svg>
  );
}

/** One icon of `IconSymbols` (which must be in the page), hidden from screen readers. */
export function SymbolIcon({
  name,
  ...props
}: { name: IconSymbolName } & Omit<SVGProps<SVGSVGElement>, "children">) {
  return (
    <svg width={24} height={24} aria-hidden {...props}>
      <use href={`#${symbolId(name)}`} />
    </svg>
  );
}
