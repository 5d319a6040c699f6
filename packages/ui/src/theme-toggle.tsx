"use client";

import { Monitor, Moon, Sun } from "lucide-react";
import { cn } from "./cn";
import { focusRing } from "./focus-ring";

export type Theme = "light" | "dark" | "system";

export interface ThemeToggleProps {
  /** Current choice; `undefined` before the theme is known on the client (nothing pressed). */
  theme: string | undefined;
  setTheme: (theme: Theme) => void;
  className?: string;
}

const options = [
  { value: "light", label: "Light theme", Icon: Sun },
  { value: "dark", label: "Dark theme", Icon: Moon },
  { value: "system", label: "Match system theme", Icon: Monitor },
] as const;

/** Three toggle buttons in a group: one click, each state announced via aria-pressed. */
export function ThemeToggle({ theme, setTheme, className }: ThemeToggleProps) {
  return (
    <div
      role="group"
      aria-label="Theme"
      className={cn(
        "inline-flex items-center gap-0.5 rounded-lg border border-border bg-muted p-0.5",
        className,
      )}
    >
      {options.map(({ value, label, Icon }) => {
        const pressed = theme === value;
        return (
          <button
            key={value}
            type="button"
            aria-label={label}
            aria-pressed={pressed}
            title={label}
            onClick={() => setTheme(value)}
            className={cn(
              "inline-flex size-7 items-center justify-center rounded-md text-muted-foreground transition-colors hover:text-foreground",
              pressed && "bg-card text-foreground shadow-xs",
              focusRing,
            )}
          >
            <Icon aria-hidden className="size-3.5" />
          </button>
        );
      })}
    </div>
  );
}
