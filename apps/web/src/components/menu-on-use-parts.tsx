"use client";

import {
  Button,
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuTrigger,
} from "@caseward/ui";

import type { MenuOnUseProps } from "./menu-on-use-types";

/** The real menu behind `MenuOnUse`, open as soon as it is shown (its button was pressed). */
export function LoadedMenu({ label, icon, entries }: MenuOnUseProps) {
  return (
    <DropdownMenu defaultOpen>
      <DropdownMenuTrigger asChild>
        <Button variant="ghost" size="icon" aria-label={label}>
          {icon}
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end">
        {entries.map((entry) => (
          <DropdownMenuItem key={entry.key} variant={entry.variant} onSelect={entry.onSelect}>
            {entry.icon} {entry.label}
          </DropdownMenuItem>
        ))}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
