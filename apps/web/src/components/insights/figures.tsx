import { cn } from "@caseward/ui";
import { Download } from "lucide-react";
import type { ReactNode } from "react";

// The pieces the company report card and the insights page share: figures as a definition
// list, and a download link that stays off paper.

export interface FigureItem {
  label: string;
  value: ReactNode;
  /** What the figure counts, and over which cases. */
  detail?: ReactNode;
}

/** Each figure: its value, what it is, and what it counts over; `tiles` boxes each one. */
export function FigureGrid({
  figures,
  tiles = false,
  className,
}: {
  figures: FigureItem[];
  tiles?: boolean;
  className?: string;
}) {
  return (
    <dl className={cn("grid grid-cols-1 gap-4 min-[420px]:grid-cols-2", className)}>
      {figures.map((figure) => (
        <div
          key={figure.label}
          className={cn(
            "min-w-0 break-inside-avoid",
            tiles && "rounded-xl border border-border bg-card p-4",
          )}
        >
          <dt className="text-sm text-muted-foreground">{figure.label}</dt>
          <dd className={cn("font-semibold tabular-nums", tiles ? "text-2xl" : "text-xl")}>
            {figure.value}
          </dd>
          {figure.detail !== undefined && (
            <dd className="text-xs text-muted-foreground">{figure.detail}</dd>
          )}
        </div>
      ))}
    </dl>
  );
}

/** A CSV download: a link on screen, left off paper. */
export function DownloadLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <a
      href={href}
      download
      className="inline-flex items-center gap-1 text-sm font-medium text-primary hover:underline print:hidden"
    >
      <Download aria-hidden className="size-4" />
      {children}
    </a>
  );
}
