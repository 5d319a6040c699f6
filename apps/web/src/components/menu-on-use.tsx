"use client";

import { Button } from "@caseward/ui";
import { useState } from "react";

import { preloadProps, usePreloadWhenIdle } from "~/lib/preload";

import type { MenuOnUseProps } from "./menu-on-use-types";

export type { MenuEntry, MenuOnUseProps } from "./menu-on-use-types";

export const loadMenuParts = () => import("./menu-on-use-parts");
type LoadedMenu = Awaited<ReturnType<typeof loadMenuParts>>["LoadedMenu"];

/**
 * A "…" menu whose menu code (Radix's menu and its positioning, ~50 KB) loads on the first
 * sign of use or once the page has settled: until it is pressed, its button alone, which opens
 * the menu as soon as the code is there (as the account menu does).
 */
export function MenuOnUse(props: MenuOnUseProps) {
  const [Menu, setMenu] = useState<LoadedMenu | null>(null);
  usePreloadWhenIdle(loadMenuParts);
  if (Menu) return <Menu {...props} />;
  const preload = preloadProps(async () => {
    props.onPreload?.();
    return loadMenuParts();
  });
  return (
    <Button
      variant="ghost"
      size="icon"
      aria-label={props.label}
      aria-haspopup="menu"
      {...preload}
      onClick={() => void loadMenuParts().then((module) => setMenu(() => module.LoadedMenu))}
    >
      {props.icon}
    </Button>
  );
}
