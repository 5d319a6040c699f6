"use client";

import {
  Button,
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@caseward/ui";
import { LogOut, UserRound } from "lucide-react";

import { useTranslations } from "~/i18n/translations";

/**
 * The account menu (who is signed in, sign out). Its menu and positioning code (~50 KB) load
 * when the button is first pointed at, focused or pressed (`app-frame.tsx`), not with the page.
 */
export function AccountMenu({
  user,
  onSignOut,
  defaultOpen,
}: {
  user: { name: string; email: string };
  onSignOut: () => void;
  /** Open at once: the button that stood in for it was pressed. */
  defaultOpen?: boolean;
}) {
  const t = useTranslations("Nav");
  return (
    <DropdownMenu defaultOpen={defaultOpen}>
      <DropdownMenuTrigger asChild>
        <Button variant="ghost" size="icon" aria-label={t("accountMenu")}>
          <UserRound aria-hidden className="size-4" />
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end">
        <DropdownMenuLabel>
          <span className="block font-medium">{user.name}</span>
          <span className="block text-xs font-normal text-muted-foreground">{user.email}</span>
        </DropdownMenuLabel>
        <DropdownMenuSeparator />
        <DropdownMenuItem onSelect={onSignOut}>
          <LogOut aria-hidden className="size-4" /> {t("signOut")}
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
