"use client";

import { Button, Dialog, DialogContent } from "@caseward/ui";
import type { ButtonProps } from "@caseward/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { CircleCheck, CircleSlash, Ellipsis, Pencil, RotateCcw, Trash2 } from "lucide-react";
import dynamic from "next/dynamic";
import { useRouter } from "next/navigation";
import type { ReactNode } from "react";
import { createContext, useContext, useEffect, useState } from "react";

import { useTranslations } from "~/i18n/translations";
import type { LadderChannel } from "~/components/contact-form";
import {
  LazyContactForm,
  loadContactForm,
  usePreloadedContactForm,
} from "~/components/contact-form-lazy";
import { EmailDrop } from "~/components/email-drop";
import type { MenuEntry } from "~/components/menu-on-use";
import { MenuOnUse } from "~/components/menu-on-use";
import { serverMessage } from "~/lib/form-errors";
import { preloadProps, usePreloadWhenIdle } from "~/lib/preload";
import { useTRPC } from "~/trpc/react";
import type { CaseDialog, DialogCase } from "./case-dialogs";

// The case's dialogs (resolve, give up, reopen, edit, delete) show only when asked for: out of
// the first load, fetched once the page has settled (or when the menu is pointed at).
const loadCaseDialogs = () => import("./case-dialogs");
const CaseDialogContent = dynamic(
  () => import("./case-dialogs").then((module) => module.CaseDialogContent),
  { ssr: false },
);

interface CaseActions {
  logContact: () => void;
  open: (dialog: CaseDialog) => void;
}

const CaseActionsContext = createContext<CaseActions>({ logContact: () => {}, open: () => {} });

/**
 * The case page's client part: the "log a contact" and case dialogs its buttons open, and the
 * page rendered again on the server after any change made on it (the status, deadlines and
 * timeline follow), and each minute (the countdowns run in business time).
 */
export function CaseActionsProvider({
  found,
  channels,
  children,
}: {
  found: DialogCase;
  channels: LadderChannel[];
  children: ReactNode;
}) {
  const t = useTranslations("CaseActions");
  const [logging, setLogging] = useState(false);
  const [dialog, setDialog] = useState<CaseDialog | null>(null);
  usePreloadedContactForm();
  usePreloadWhenIdle(loadCaseDialogs);
  useRefreshAfterChanges();
  return (
    <CaseActionsContext value={{ logContact: () => setLogging(true), open: setDialog }}>
      {children}
      <Dialog open={logging} onOpenChange={setLogging}>
        <DialogContent title={t("logTitle")} description={t("logDescription")}>
          <LazyContactForm
            caseId={found.id}
            channels={channels}
            onSaved={() => setLogging(false)}
          />
        </DialogContent>
      </Dialog>
      <Dialog open={dialog !== null} onOpenChange={(open) => !open && setDialog(null)}>
        {dialog && (
          <CaseDialogContent dialog={dialog} found={found} onDone={() => setDialog(null)} />
        )}
      </Dialog>
    </CaseActionsContext>
  );
}

/** After any change saved on the page (a mutation), and each minute, the server renders it again. */
function useRefreshAfterChanges() {
  const router = useRouter();
  const queryClient = useQueryClient();
  useEffect(
    () =>
      queryClient.getMutationCache().subscribe((event) => {
        if (event.type !== "updated" || event.action.type !== "success") return;
        // A deleted case goes to the dashboard: nothing here to render again.
        const key = JSON.stringify(event.mutation.options.mutationKey ?? []);
        if (key.includes('["case","delete"]')) return;
        router.refresh();
      }),
    [queryClient, router],
  );
  useEffect(() => {
    const timer = window.setInterval(() => router.refresh(), 60_000);
    return () => window.clearInterval(timer);
  }, [router]);
}

type Variant = ButtonProps["variant"];

/** A button that opens the "log a contact" dialog. */
export function LogContactButton({
  variant,
  children,
}: {
  variant?: Variant;
  children: ReactNode;
}) {
  const { logContact } = useContext(CaseActionsContext);
  return (
    <Button variant={variant} onClick={logContact} {...preloadProps(loadContactForm)}>
      {children}
    </Button>
  );
}

/** A button that opens one of the case's dialogs. */
export function CaseDialogButton({
  dialog,
  variant,
  children,
}: {
  dialog: CaseDialog;
  variant?: Variant;
  children: ReactNode;
}) {
  const { open } = useContext(CaseActionsContext);
  return (
    <Button variant={variant} onClick={() => open(dialog)}>
      {children}
    </Button>
  );
}

/** The case's menu: edit, resolve or give up (or reopen), delete. */
export function CaseMenu({ closed }: { closed: boolean }) {
  const t = useTranslations("CaseActions");
  const { open } = useContext(CaseActionsContext);
  const entries: MenuEntry[] = [
    { key: "edit", icon: <Pencil aria-hidden />, label: t("edit"), onSelect: () => open("edit") },
    ...(closed
      ? [
          {
            key: "reopen",
            icon: <RotateCcw aria-hidden />,
            label: t("reopen"),
            onSelect: () => open("reopen"),
          },
        ]
      : [
          {
            key: "resolve",
            icon: <CircleCheck aria-hidden />,
            label: t("resolve"),
            onSelect: () => open("resolve"),
          },
          {
            key: "abandon",
            icon: <CircleSlash aria-hidden />,
            label: t("giveUp"),
            onSelect: () => open("abandon"),
          },
        ]),
    {
      key: "delete",
      icon: <Trash2 aria-hidden />,
      label: t("delete"),
      variant: "danger",
      onSelect: () => open("delete"),
    },
  ];
  return (
    <MenuOnUse
      label={t("more")}
      icon={<Ellipsis aria-hidden className="size-4" />}
      entries={entries}
      onPreload={() => void loadCaseDialogs().catch(() => undefined)}
    />
  );
}

/** "They answered": the company answered, the case waits on the user. */
export function TheyAnsweredButton({
  caseId,
  variant,
  children,
}: {
  caseId: string;
  variant: Variant;
  children: ReactNode;
}) {
  const trpc = useTRPC();
  const answered = useMutation(trpc.case.markAnswered.mutationOptions());
  return (
    <>
      <Button
        variant={variant}
        loading={answered.isPending}
        onClick={() => answered.mutate({ caseId })}
      >
        {children}
      </Button>
      {answered.isError && (
        <p role="alert" className="w-full text-sm text-danger">
          {serverMessage(answered.error)}
        </p>
      )}
    </>
  );
}

/** "I dealt with it" under a case's warning signs. */
export function ClearFlagButton({ caseId, children }: { caseId: string; children: ReactNode }) {
  const trpc = useTRPC();
  const clearFlag = useMutation(trpc.privacy.clearCaseFlag.mutationOptions());
  return (
    <Button
      variant="outline"
      size="sm"
      className="mt-2"
      loading={clearFlag.isPending}
      onClick={() => clearFlag.mutate({ caseId })}
    >
      {children}
    </Button>
  );
}

/** Drop an email on the case; the page is rendered again with it. */
export function CaseEmailDrop({ caseId, maxSize }: { caseId: string; maxSize: string }) {
  return <EmailDrop caseId={caseId} maxSize={maxSize} onFiled={async () => {}} />;
}
