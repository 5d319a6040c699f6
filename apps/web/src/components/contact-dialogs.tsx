"use client";

import {
  Alert,
  Button,
  Dialog,
  DialogClose,
  DialogContent,
  DialogFooter,
  Spinner,
} from "@caseward/ui";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import type { RefObject } from "react";
import { useState } from "react";

import type { EditableContact, LadderChannel, ShownContact } from "~/components/contact-form";
import { LazyContactForm } from "~/components/contact-form-lazy";
import { serverMessage } from "~/lib/form";
import { useTRPC } from "~/trpc/react";

export type ContactDialog = "edit" | "delete";

/**
 * One contact's edit or delete dialog, loaded when its button is first used (the timeline's
 * twenty contacts do not each hydrate two dialogs). Closing gives the focus back to the button.
 */
export function ContactDialogs({
  dialog,
  onClose,
  returnFocus,
  caseId,
  channels,
  contact,
  when,
  files,
}: {
  dialog: ContactDialog | null;
  onClose: () => void;
  returnFocus: RefObject<HTMLButtonElement | null>;
  caseId: string;
  channels: LadderChannel[];
  contact: ShownContact;
  when: string;
  files: number;
}) {
  const t = useTranslations("ContactActions");
  const common = useTranslations("Common");
  const trpc = useTRPC();
  // The notes and transcript are not in the page's props (twenty contacts' worth of text the
  // timeline already shows): the edit dialog reads them when it opens, fresh each time.
  const said = useQuery({
    ...trpc.case.byId.queryOptions({ caseId }),
    enabled: dialog === "edit",
    staleTime: 0,
    select: (found) => found.contacts.find((c) => c.id === contact.id),
  });
  // Read once per opening: the save's own refresh of every query must not take the form away
  // (and with it the save's callback that closes the dialog).
  const [editable, setEditable] = useState<EditableContact | null>(null);
  if (dialog !== "edit" && editable !== null) setEditable(null);
  if (dialog === "edit" && editable === null && said.data && !said.isFetching) {
    setEditable({ ...contact, notes: said.data.notes, transcript: said.data.transcript });
  }
  const remove = useMutation(trpc.contact.delete.mutationOptions({ onSuccess: onClose }));
  const focusBack = (event: Event) => {
    event.preventDefault();
    returnFocus.current?.focus();
  };
  return (
    <>
      <Dialog open={dialog === "edit"} onOpenChange={(open) => !open && onClose()}>
        <DialogContent
          title={t("editTitle")}
          description={t("editDescription")}
          onCloseAutoFocus={focusBack}
        >
          {editable ? (
            <LazyContactForm
              caseId={caseId}
              channels={channels}
              contact={editable}
              onSaved={onClose}
            />
          ) : said.isError || (said.isSuccess && !said.isFetching && !said.data) ? (
            <Alert variant="danger">{serverMessage(said.error)}</Alert>
          ) : (
            <Spinner label={common("loading")} />
          )}
        </DialogContent>
      </Dialog>
      <Dialog
        open={dialog === "delete"}
        onOpenChange={(open) => {
          if (!open) onClose();
          remove.reset();
        }}
      >
        <DialogContent title={t("deleteTitle")} onCloseAutoFocus={focusBack}>
          {remove.isError && <Alert variant="danger">{serverMessage(remove.error)}</Alert>}
          <p className="text-sm">{t("deleteText", { when, files })}</p>
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="ghost">{t("keep")}</Button>
            </DialogClose>
            <Button
              variant="danger"
              loading={remove.isPending}
              onClick={() => remove.mutate({ contactId: contact.id })}
            >
              {t("delete")}
            </Button>
          </DialogFooter>
        </DialogContent>
      </Dialog>
    </>
  );
}
