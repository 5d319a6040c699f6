"use client";

import {
  AppShell,
  Button,
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
  ThemeToggle,
  UiTextProvider,
  UndoProvider,
  useUndo,
} from "@caseward/ui";
import {
  Building2,
  ChartColumn,
  Fingerprint,
  Inbox,
  LayoutDashboard,
  LogOut,
  Mail,
  Settings,
  ShieldCheck,
  UserRound,
} from "lucide-react";
import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useTheme } from "next-themes";
import { useEffect, useMemo, useState } from "react";

import { loadAuthClient } from "~/lib/load-auth-client";
import { clearAllDrafts } from "~/lib/use-draft";

type AppFrameProps = {
  user: { name: string; email: string };
  /** Emails waiting in the Inbox. */
  inboxCount: number;
  devMailbox: boolean;
  children: React.ReactNode;
};

/** The signed-in pages' frame, with the delete-with-undo toasts of every page. */
export function AppFrame(props: AppFrameProps) {
  const t = useTranslations("Nav");
  // The shared components' own words (dialog close, navigation sheet, toasts), in this language.
  const uiText = useMemo(
    () => ({
      close: t("close"),
      skipToContent: t("skipToContent"),
      mainNavigation: t("mainNavigation"),
      navigation: t("navigation"),
      openNavigation: t("openNavigation"),
      closeNavigation: t("closeNavigation"),
      theme: t("theme"),
      lightTheme: t("lightTheme"),
      darkTheme: t("darkTheme"),
      systemTheme: t("systemTheme"),
      notifications: t("notifications"),
      dismiss: t("dismiss"),
      undo: t("undo"),
      moveHint: t("moveHint"),
      notDone: (what: string, reason: string | undefined) =>
        t("notDone", { what: what.replace(/\.$/, ""), reason: reason ?? t("tryAgain") }),
      move: (item: string) => t("move", { item }),
      moved: (item: string, position: number, total: number) =>
        t("moved", { item, position, total }),
    }),
    [t],
  );
  return (
    <UiTextProvider value={uiText}>
      <UndoProvider>
        <Frame {...props} />
      </UndoProvider>
    </UiTextProvider>
  );
}

function Frame({ user, inboxCount, devMailbox, children }: AppFrameProps) {
  const t = useTranslations("Nav");
  const { flush } = useUndo();
  const pathname = usePathname();
  const router = useRouter();
  const { theme, setTheme } = useTheme();
  // The theme is known only in the browser; render the toggle neutral until then.
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  const isActive = (href: string) =>
    href === "/" ? pathname === "/" || pathname.startsWith("/cases") : pathname.startsWith(href);
  const nav = [
    { href: "/", label: t("cases"), icon: <LayoutDashboard aria-hidden className="size-4" /> },
    {
      href: "/inbox",
      label: t("inbox"),
      icon: <Mail aria-hidden className="size-4" />,
      count: inboxCount,
      countLabel: t("inboxCount", { count: inboxCount }),
    },
    {
      href: "/companies",
      label: t("companies"),
      icon: <Building2 aria-hidden className="size-4" />,
    },
    {
      href: "/insights",
      label: t("insights"),
      icon: <ChartColumn aria-hidden className="size-4" />,
    },
    {
      href: "/privacy",
      label: t("privacy"),
      icon: <Fingerprint aria-hidden className="size-4" />,
    },
    { href: "/settings", label: t("settings"), icon: <Settings aria-hidden className="size-4" /> },
    ...(devMailbox
      ? [
          {
            href: "/dev/mailbox",
            label: t("devMailbox"),
            icon: <Inbox aria-hidden className="size-4" />,
          },
        ]
      : []),
  ].map((item) => ({ ...item, active: isActive(item.href) }));

  async function signOut() {
    // A delete still waiting for its undo toast is done while the session still counts.
    await flush();
    await (await loadAuthClient()).signOut();
    clearAllDrafts();
    router.replace("/sign-in");
    router.refresh();
  }

  return (
    <AppShell
      brand={
        <span className="flex items-center gap-2 font-semibold">
          <ShieldCheck aria-hidden className="size-5 text-primary" /> Caseward
        </span>
      }
      nav={nav}
      renderLink={({ href, className, children: content, ...rest }) => (
        <Link href={href} className={className} {...rest}>
          {content}
        </Link>
      )}
      userMenu={
        <div className="flex items-center gap-1">
          <ThemeToggle theme={mounted ? theme : undefined} setTheme={setTheme} />
          <DropdownMenu>
            <DropdownMenuTrigger asChild>
              <Button variant="ghost" size="icon" aria-label={t("accountMenu")}>
                <UserRound aria-hidden className="size-4" />
              </Button>
            </DropdownMenuTrigger>
            <DropdownMenuContent align="end">
              <DropdownMenuLabel>
                <span className="block font-medium">{user.name}</span>
                <span className="block text-xs font-normal text-muted-foreground">
                  {user.email}
                </span>
              </DropdownMenuLabel>
              <DropdownMenuSeparator />
              <DropdownMenuItem onSelect={() => void signOut()}>
                <LogOut aria-hidden className="size-4" /> {t("signOut")}
              </DropdownMenuItem>
            </DropdownMenuContent>
          </DropdownMenu>
        </div>
      }
    >
      {children}
    </AppShell>
  );
}
