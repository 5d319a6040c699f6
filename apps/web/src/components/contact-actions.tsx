"use client";

import {
  Alert,
  Button,
  Dialog,
  DialogClose,
  DialogContent,
  DialogFooter,
  DialogTrigger,
} from "@caseward/ui";
import { useMutation } from "@tanstack/react-query";
import { Pencil, Trash2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import type { ComponentProps } from "react";
import { useState } from "react";

import { AttachmentUpload } from "~/components/attachment-upload";
import type { EditableContact, LadderChannel } from "~/components/contact-form";
import { LazyContactForm } from "~/components/contact-form-lazy";
import { ContactPrivacy } from "~/components/contact-privacy";
import { serverMessage } from "~/lib/form";
import { useTRPC } from "~/trpc/react";

/**
 * Edit and delete one contact of the timeline, each in its dialog; the case's status and
 * deadlines follow (the page is rendered again after the change).
 */
export function ContactActions({
  caseId,
  channels,
  contact,
  when,
  files,
}: {
  caseId: string;
  channels: LadderChannel[];
  contact: EditableContact;
  /** When the contact was, as the timeline writes it. */
  when: string;
  files: number;
}) {
  const t = useTranslations("ContactActions");
  const trpc = useTRPC();
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const remove = useMutation(
    trpc.contact.delete.mutationOptions({ onSuccess: () => setDeleting(false) }),
  );
  return (
    <div className="absolute top-2 right-2 flex gap-1">
      <Dialog open={editing} onOpenChange={setEditing}>
        <DialogTrigger asChild>
          <Button variant="ghost" size="icon" aria-label={t("editLabel", { when })}>
            <Pencil aria-hidden className="size-4" />
          </Button>
        </DialogTrigger>
        <DialogContent title={t("editTitle")} description={t("editDescription")}>
          <LazyContactForm
            caseId={caseId}
            channels={channels}
            contact={contact}
            onSaved={() => setEditing(false)}
          />
        </DialogContent>
      </Dialog>
      <Dialog
        open={deleting}
        onOpenChange={(open) => {
          setDeleting(open);
          remove.reset();
        }}
      >
        <DialogTrigger asChild>
          <Button variant="ghost" size="icon" aria-label={t("deleteLabel", { when })}>
            <Trash2 aria-hidden className="size-4" />
          </Button>
        </DialogTrigger>
        <DialogContent title={t("deleteTitle")}>
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
    </div>
  );
}

/** A contact's warning signs and disclosures; the page is rendered again after a change. */
export function ContactPrivacyIsland(
  props: Omit<ComponentProps<typeof ContactPrivacy>, "onChange">,
) {
  const router = useRouter();
  return <ContactPrivacy {...props} onChange={() => router.refresh()} />;
}

/** A contact's files; the page is rendered again after an upload or a removal. */
export function AttachmentUploadIsland(
  props: Omit<ComponentProps<typeof AttachmentUpload>, "onChange">,
) {
  const router = useRouter();
  return <AttachmentUpload {...props} onChange={() => router.refresh()} />;
}
