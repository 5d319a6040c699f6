"use client";

import { Menu, X } from "lucide-react";
import { Dialog as DialogPrimitive } from "radix-ui";
import { useState } from "react";
import type { ReactNode } from "react";
import { Button } from "./button";
import { cn } from "./cn";
import { overlayClass } from "./dialog";
import { focusRing } from "./focus-ring";
import { useUiText } from "./ui-text";

export interface AppShellNavItem {
  href: string;
  label: string;
  icon: ReactNode;
  active: boolean;
  /** A number waiting there (unfiled emails), shown beside the label when above 0. */
  count?: number;
  /** What the count is, for screen readers: "3 waiting". */
  countLabel?: string;
}

export interface AppShellLinkProps {
  href: string;
  className: string;
  children: ReactNode;
  "aria-current"?: "page";
  onClick?: () => void;
}

export interface AppShellProps {
  brand: ReactNode;
  nav: AppShellNavItem[];
  /** Lets the app use its router's link (e.g. next/link) without this package depending on it. */
  renderLink: (props: AppShellLinkProps) => ReactNode;
  userMenu: ReactNode;
  children: ReactNode;
}

function NavList({
  nav,
  renderLink,
  onNavigate,
}: Pick<AppShellProps, "nav" | "renderLink"> & { onNavigate?: () => void }) {
  return (
    <ul className="grid gap-0.5">
      {nav.map((item) => (
        <li key={item.href}>
          {renderLink({
            href: item.href,
            ...(item.active ? { "aria-current": "page" as const } : {}),
            ...(onNavigate ? { onClick: onNavigate } : {}),
            className: cn(
              "flex h-9 items-center gap-2.5 rounded-md px-2.5 text-sm font-medium transition-colors [&_svg]:size-4 [&_svg]:shrink-0",
              item.active
                ? "bg-accent text-foreground [&_svg]:text-primary"
                : "text-muted-foreground hover:bg-accent/60 hover:text-foreground",
              focusRing,
            ),
            children: (
              <>
                <span aria-hidden className="contents">
                  {item.icon}
                </span>
                <span className="truncate">{item.label}</span>
                {item.count ? (
                  <span className="ml-auto rounded-full bg-primary px-1.5 text-xs font-semibold text-primary-foreground tabular-nums">
                    {item.count}
                    {item.countLabel && <span className="sr-only"> {item.countLabel}</span>}
                  </span>
                ) : null}
              </>
            ),
          })}
        </li>
      ))}
    </ul>
  );
}

/** Sidebar on desktop, top bar + slide-in sheet on phones. The page itself scrolls. */
export function AppShell({ brand, nav, renderLink, userMenu, children }: AppShellProps) {
  const [sheetOpen, setSheetOpen] = useState(false);
  const closeSheet = () => setSheetOpen(false);
  const text = useUiText();

  return (
    <div className="min-h-dvh bg-background">
      <a
        href="#content"
        className={cn(
          // Off-screen until focused (not sr-only, whose reset would strip the padding).
          "fixed top-3 left-3 z-60 -translate-y-24 rounded-md bg-card px-3 py-2 text-sm font-medium shadow-lg focus:translate-y-0 print:hidden",
          focusRing,
        )}
      >
        {text.skipToContent}
      </a>

      <aside className="fixed inset-y-0 left-0 z-30 hidden w-60 flex-col border-r border-border bg-card md:flex print:hidden">
        <div className="flex h-14 shrink-0 items-center px-4">{brand}</div>
        <nav aria-label={text.mainNavigation} className="flex-1 overflow-y-auto px-3 py-2">
          <NavList nav={nav} renderLink={renderLink} />
        </nav>
        <div className="shrink-0 border-t border-border p-3">{userMenu}</div>
      </aside>

      <header className="sticky top-0 z-30 flex h-14 items-center gap-2 border-b border-border bg-background/85 px-3 backdrop-blur md:hidden print:hidden">
        <DialogPrimitive.Root open={sheetOpen} onOpenChange={setSheetOpen}>
          <DialogPrimitive.Trigger asChild>
            <Button variant="ghost" size="icon" aria-label={text.openNavigation}>
              <Menu aria-hidden />
            </Button>
          </DialogPrimitive.Trigger>
          <DialogPrimitive.Portal>
            {/* Joined, not `cn()`: nothing here conflicts, and `backdrop-blur-[2px]` is a class
                `cn`'s quick check does not know, so `cn` would build tailwind-merge's map on every
                signed-in page while it hydrates. */}
            <DialogPrimitive.Overlay className={`${overlayClass} md:hidden`} />
            <DialogPrimitive.Content
              aria-describedby={undefined}
              className="fixed inset-y-0 left-0 z-50 flex w-72 max-w-[85vw] flex-col border-r border-border bg-card shadow-xl outline-none motion-safe:data-[state=open]:animate-sheet-in md:hidden"
            >
              <div className="flex h-14 shrink-0 items-center justify-between px-4">
                {brand}
                <DialogPrimitive.Close asChild>
                  <Button variant="ghost" size="icon" aria-label={text.closeNavigation}>
                    <X aria-hidden />
                  </Button>
                </DialogPrimitive.Close>
              </div>
              <DialogPrimitive.Title className="sr-only">{text.navigation}</DialogPrimitive.Title>
              <nav aria-label={text.mainNavigation} className="flex-1 overflow-y-auto px-3 py-2">
                <NavList nav={nav} renderLink={renderLink} onNavigate={closeSheet} />
              </nav>
            </DialogPrimitive.Content>
          </DialogPrimitive.Portal>
        </DialogPrimitive.Root>
        <div className="min-w-0 flex-1">{brand}</div>
        <div className="shrink-0">{userMenu}</div>
      </header>

      <div className="md:pl-60 print:pl-0">
        <main
          id="content"
          // Focusable so the skip link moves keyboard focus, not just the scroll position.
          tabIndex={-1}
          className="mx-auto w-full max-w-6xl px-4 py-6 outline-none sm:px-6 lg:px-10 lg:py-10 print:max-w-none print:p-0"
        >
          {children}
        </main>
      </div>
    </div>
  );
}
