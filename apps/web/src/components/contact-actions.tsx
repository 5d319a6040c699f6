"use client";

import { Button } from "@caseward/ui";
import { Pencil, Trash2 } from "lucide-react";
import { useTranslations } from "next-intl";
import dynamic from "next/dynamic";
import { useRouter } from "next/navigation";
import type { ComponentProps } from "react";
import { useRef, useState } from "react";

import { AttachmentUpload } from "~/components/attachment-upload";
import type { ContactDialog } from "~/components/contact-dialogs";
import type { EditableContact, LadderChannel } from "~/components/contact-form";
import { ContactPrivacy } from "~/components/contact-privacy";
import { ContactTimeEditor } from "~/components/contact-time-editor";
import { preloadProps } from "~/lib/preload";

// The edit and delete dialogs come with the first use of either button (or its hover, focus
// or touch), not with the page: a case of twenty contacts hydrates two buttons each.
const loadContactDialogs = () => import("~/components/contact-dialogs");
const ContactDialogs = dynamic(() => loadContactDialogs().then((module) => module.ContactDialogs), {
  ssr: false,
});

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
  const [dialog, setDialog] = useState<ContactDialog | null>(null);
  // The last dialog opened (null until one was): the focus goes back to its button.
  const [last, setLast] = useState<ContactDialog | null>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const deleteButton = useRef<HTMLButtonElement>(null);
  const preload = preloadProps(loadContactDialogs);
  const open = (next: ContactDialog) => {
    setLast(next);
    setDialog(next);
  };
  return (
    <div className="absolute top-2 right-2 flex gap-1">
      <Button
        ref={editButton}
        variant="ghost"
        size="icon"
        aria-label={t("editLabel", { when })}
        aria-haspopup="dialog"
        onClick={() => open("edit")}
        {...preload}
      >
        <Pencil aria-hidden className="size-4" />
      </Button>
      <Button
        ref={deleteButton}
        variant="ghost"
        size="icon"
        aria-label={t("deleteLabel", { when })}
        aria-haspopup="dialog"
        onClick={() => open("delete")}
        {...preload}
      >
        <Trash2 aria-hidden className="size-4" />
      </Button>
      {last !== null && (
        <ContactDialogs
          dialog={dialog}
          onClose={() => setDialog(null)}
          returnFocus={last === "delete" ? deleteButton : editButton}
          caseId={caseId}
          channels={channels}
          contact={contact}
          when={when}
          files={files}
        />
      )}
    </div>
  );
}

/**
 * Below a contact on the timeline: its warning signs and disclosures, the form correcting its
 * time and its files, in one client part; the page is rendered again after a change.
 */
export function ContactTools({
  contactId,
  startedAt,
  privacy,
  attachments,
  maxFileSize,
}: {
  contactId: string;
  startedAt: Date;
  privacy: Omit<ComponentProps<typeof ContactPrivacy>, "onChange" | "contactId">;
  attachments: ComponentProps<typeof AttachmentUpload>["attachments"];
  maxFileSize: string;
}) {
  const router = useRouter();
  const refresh = () => router.refresh();
  return (
    <>
      <ContactPrivacy contactId={contactId} {...privacy} onChange={refresh} />
      <ContactTimeEditor contactId={contactId} startedAt={startedAt} />
      <div className="mt-3">
        <AttachmentUpload
          contactId={contactId}
          attachments={attachments}
          maxSize={maxFileSize}
          onChange={refresh}
        />
      </div>
    </>
  );
}
