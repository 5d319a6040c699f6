// What `MenuOnUse` and the menu it loads (`menu-on-use-parts`) both take.
import type { ReactNode } from "react";

export interface MenuEntry {
  key: string;
  label: ReactNode;
  icon?: ReactNode;
  variant?: "danger";
  onSelect: () => void;
}

export interface MenuOnUseProps {
  /** The button's accessible name ("More actions for …"). */
  label: string;
  /** The button's icon. */
  icon: ReactNode;
  entries: MenuEntry[];
  /** Also run when the button is pointed at, focused or touched (to fetch what the menu opens). */
  onPreload?: () => void;
}
