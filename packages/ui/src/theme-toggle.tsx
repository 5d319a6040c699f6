"use client";

import { Monitor, Moon, Sun } from "lucide-react";
import { cn } from "./cn";
import { focusRing } from "./focus-ring";
import { useUiText } from "./ui-text";

export type Theme = "light" | "dark" | "system";

export interface ThemeToggleProps {
  /** Current choice; `undefined` before the theme is known on the client (nothing pressed). */
  theme: string | undefined;
  setTheme: (theme: Theme) => void;
  className?: string;
}

const options = [
  { value: "light", text: "lightTheme", Icon: Sun },
  { value: "dark", text: "darkTheme", Icon: Moon },
  { value: "system", text: "systemTheme", Icon: Monitor },
] as const;

/** Three toggle buttons in a group: one click, each state announced via aria-pressed. */
export function ThemeToggle({ theme, setTheme, className }: ThemeToggleProps) {
  const words = useUiText();
  return (
    <div
      role="group"
      aria-label={words.theme}
      className={cn(
        "inline-flex items-center gap-0.5 rounded-lg border border-border bg-muted p-0.5",
        className,
      )}
    >
      {options.map(({ value, text, Icon }) => {
        const label = words[text];
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
              // The text colour in one branch or the other (not overridden): nothing to merge.
              "inline-flex size-7 items-center justify-center rounded-md transition-colors hover:text-foreground",
              pressed ? "bg-card text-foreground shadow-xs" : "text-muted-foreground",
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
