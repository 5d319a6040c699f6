"use client";

import { AppShell, Button, ThemeToggle, UiTextProvider, UndoProvider, useUndo } from "@caseward/ui";
import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import dynamic from "next/dynamic";
import { useMemo, useState } from "react";

import {
  Building2Icon,
  ChartColumnIcon,
  FingerprintIcon,
  InboxIcon,
  LayoutDashboardIcon,
  MailIcon,
  SettingsIcon,
  ShieldCheckIcon,
  UserRoundIcon,
} from "~/components/plain-icons";
import { useTranslations } from "~/i18n/translations";
import { loadAuthClient } from "~/lib/load-auth-client";
import { preloadProps, usePreloadWhenIdle } from "~/lib/preload";
import { setThemeChoice, useThemeChoice } from "~/lib/theme";
import { withoutTransitions } from "~/lib/theme-change";
import { clearAllDrafts } from "~/lib/use-draft";

const loadAccountMenu = () => import("./account-menu");
const AccountMenu = dynamic(() => loadAccountMenu().then((module) => module.AccountMenu), {
  ssr: false,
  loading: () => <AccountButton />,
});

/**
 * The account menu, loaded on the first sign of use (or once the page has settled): until
 * then its button alone, which opens the menu at once when pressed. The frame shows it twice
 * (sidebar and phone header), each with its own state.
 */
function AccountMenuSlot(props: { user: { name: string; email: string }; onSignOut: () => void }) {
  const [wanted, setWanted] = useState(false);
  if (wanted) return <AccountMenu {...props} defaultOpen />;
  return <AccountButton {...preloadProps(loadAccountMenu)} onClick={() => setWanted(true)} />;
}

/** The account menu's button, alone: what stands in for the menu until it is wanted. */
function AccountButton(props: React.ComponentProps<typeof Button>) {
  const t = useTranslations("Nav");
  return (
    <Button
      variant="ghost"
      size="icon"
      aria-label={t("accountMenu")}
      aria-haspopup="menu"
      {...props}
    >
      <UserRoundIcon aria-hidden className="size-4" />
    </Button>
  );
}

/**
 * The theme toggle with the browser's choice. Only this renders again once the page has hydrated
 * (the server cannot know the choice), not the frame around it.
 */
function FrameThemeToggle() {
  return (
    <ThemeToggle
      theme={useThemeChoice()}
      setTheme={(next) => withoutTransitions(() => setThemeChoice(next))}
    />
  );
}

type AppFrameProps = {
  user: { name: string; email: string };
  /** Emails waiting in the Inbox. */
  inboxCount: number;
  /** "3 emails waiting", written on the server: a plural formatted while hydrating costs the
   * phone ICU's locale data (~130 ms at 4× slower). */
  inboxCountLabel: string;
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

function Frame({ user, inboxCount, inboxCountLabel, devMailbox, children }: AppFrameProps) {
  const t = useTranslations("Nav");
  const { flush } = useUndo();
  const pathname = usePathname();
  const router = useRouter();
  usePreloadWhenIdle(loadAccountMenu);
  const isActive = (href: string) =>
    href === "/" ? pathname === "/" || pathname.startsWith("/cases") : pathname.startsWith(href);
  const nav = [
    { href: "/", label: t("cases"), icon: <LayoutDashboardIcon aria-hidden className="size-4" /> },
    {
      href: "/inbox",
      label: t("inbox"),
      icon: <MailIcon aria-hidden className="size-4" />,
      count: inboxCount,
      countLabel: inboxCountLabel,
    },
    {
      href: "/companies",
      label: t("companies"),
      icon: <Building2Icon aria-hidden className="size-4" />,
    },
    {
      href: "/insights",
      label: t("insights"),
      icon: <ChartColumnIcon aria-hidden className="size-4" />,
    },
    {
      href: "/privacy",
      label: t("privacy"),
      icon: <FingerprintIcon aria-hidden className="size-4" />,
    },
    {
      href: "/settings",
      label: t("settings"),
      icon: <SettingsIcon aria-hidden className="size-4" />,
    },
    ...(devMailbox
      ? [
          {
            href: "/dev/mailbox",
            label: t("devMailbox"),
            icon: <InboxIcon aria-hidden className="size-4" />,
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
          <ShieldCheckIcon aria-hidden className="size-5 text-primary" /> Caseward
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
          <FrameThemeToggle />
          <AccountMenuSlot user={user} onSignOut={() => void signOut()} />
        </div>
      }
    >
      {children}
    </AppShell>
  );
}
