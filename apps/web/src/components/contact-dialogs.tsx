"use client";

import { Alert, Button, Dialog, DialogClose, DialogContent, DialogFooter } from "@caseward/ui";
import { useMutation } from "@tanstack/react-query";
import type { RefObject } from "react";

import { useTranslations } from "~/i18n/translations";
import type { EditableContact, LadderChannel } from "~/components/contact-form";
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
  contact: EditableContact;
  when: string;
  files: number;
}) {
  const t = useTranslations("ContactActions");
  const trpc = useTRPC();
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
          <LazyContactForm
            caseId={caseId}
            channels={channels}
            contact={contact}
            onSaved={onClose}
          />
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
