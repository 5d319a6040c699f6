"use client";

import { attachmentFileExtensions, maxAttachmentBytes } from "@caseward/core/schemas";
import { buttonVariants, Input, Label } from "@caseward/ui";
import dynamic from "next/dynamic";
import { useRouter } from "next/navigation";
import type { ReactNode } from "react";
import { useId, useRef, useState } from "react";

import type { ContactDialog } from "~/components/contact-dialogs";
import type { AttachmentItem, UploadState } from "~/components/contact-files";
import type { EditableContact, LadderChannel } from "~/components/contact-form";
import type { Disclosure, Flag } from "~/components/contact-privacy-lists";
import type { DisclosureContext } from "~/components/disclosure-form";
import { SymbolIcon } from "~/components/icon-symbols";
import { preloadProps } from "~/lib/preload";
import { staticMarkup } from "~/lib/static-markup";

// One client part per contact of the timeline, drawn with plain elements and the sentences the
// server wrote: a case of twenty contacts hydrates twenty of these and nothing else of its
// contacts. Each tool (the edit and delete dialogs, the time and privacy forms, an upload and its
// progress) loads with its first use, or when its button or summary is pointed at or focused.
const loadContactDialogs = () => import("~/components/contact-dialogs");
const ContactDialogs = dynamic(() => loadContactDialogs().then((module) => module.ContactDialogs), {
  ssr: false,
});
const loadTimeForm = () => import("~/components/contact-time-form");
const ContactTimeForm = dynamic(() => loadTimeForm().then((module) => module.ContactTimeForm), {
  ssr: false,
});
const loadPrivacyForm = () => import("~/components/contact-privacy-form");
const ContactPrivacyForm = dynamic(
  () => loadPrivacyForm().then((module) => module.ContactPrivacyForm),
  { ssr: false },
);
// The lists of what was marked or given, and of the files: most contacts have none, and then no
// script for them.
const PrivacyLists = dynamic(() =>
  import("~/components/contact-privacy-lists").then((module) => module.PrivacyLists),
);
const AttachmentList = dynamic(() =>
  import("~/components/contact-files").then((module) => module.AttachmentList),
);
const loadUpload = () => import("~/components/contact-files");
const UploadStatus = dynamic(() => loadUpload().then((module) => module.UploadStatus), {
  ssr: false,
});

// Computed once, not for each of the twenty contacts at each render.
const iconButton = buttonVariants({ variant: "ghost", size: "icon" });
const accept = attachmentFileExtensions.join(",");
// The edit and delete buttons' icons as HTML: React hydrates each button alone, not its icon's
// component, <svg> and <use> (120 fibers fewer on a case of twenty contacts).
const pencilIcon = { __html: staticMarkup(<SymbolIcon name="pencil" className="size-4" />) };
const trashIcon = { __html: staticMarkup(<SymbolIcon name="trash" className="size-4" />) };

/** The sentences of every contact's tools, written on the server in the page's language. */
export interface ContactIslandText {
  recordSummary: string;
  changeTime: string;
  attach: string;
  attachHint: string;
  transcript: string;
}

/**
 * A contact of the timeline with its tools: edit and delete (each in its dialog, the focus
 * going back to its button), its warning signs and disclosures, the form correcting its time and
 * its files. The contact's heading and details (`children`) are rendered on the server; the page
 * is rendered again after a change.
 */
export function ContactIsland({
  caseId,
  channels,
  contact,
  when,
  text,
  labels,
  privacy,
  redFlags,
  disclosures,
  attachments,
  maxFileSize,
  answered,
  children,
}: {
  caseId: string;
  channels: LadderChannel[];
  contact: EditableContact;
  /** When the contact was, as the timeline writes it. */
  when: string;
  text: ContactIslandText;
  /** The names of this contact's edit and delete buttons. */
  labels: { edit: string; delete: string };
  privacy: DisclosureContext;
  redFlags: Flag[];
  disclosures: Disclosure[];
  attachments: AttachmentItem[];
  maxFileSize: string;
  /** The questions answered in the contact (rendered on the server). */
  answered: ReactNode;
  /** How the contact went (rendered on the server); its notes and transcript follow. */
  children: ReactNode;
}) {
  const router = useRouter();
  const refresh = () => router.refresh();
  const [dialog, setDialog] = useState<ContactDialog | null>(null);
  // The last dialog opened (null until one was): the focus goes back to its button.
  const [last, setLast] = useState<ContactDialog | null>(null);
  const [timeOpened, setTimeOpened] = useState(false);
  const [privacyOpened, setPrivacyOpened] = useState(false);
  const [upload, setUpload] = useState<UploadState | null>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const deleteButton = useRef<HTMLButtonElement>(null);
  const inputId = useId();
  const open = (next: ContactDialog) => {
    setLast(next);
    setDialog(next);
  };
  const preloadDialogs = preloadProps(loadContactDialogs);

  async function send(input: HTMLInputElement) {
    const file = input.files?.[0];
    if (!file) return;
    // Checked here too so that a file too large is not sent at all; the server has the last word.
    if (file.size > maxAttachmentBytes) {
      input.value = "";
      return setUpload({ problem: "tooLarge" });
    }
    setUpload({ name: file.name, fraction: 0 });
    const { sendAttachment } = await loadUpload();
    const problem = await sendAttachment(contact.id, file, (fraction) =>
      setUpload({ name: file.name, fraction }),
    );
    input.value = "";
    setUpload(problem);
    if (!problem) refresh();
  }

  const uploading = upload !== null && "fraction" in upload;
  return (
    <>
      <div className="absolute top-2 right-2 flex gap-1">
        <button
          ref={editButton}
          type="button"
          className={iconButton}
          aria-label={labels.edit}
          aria-haspopup="dialog"
          onClick={() => open("edit")}
          {...preloadDialogs}
          dangerouslySetInnerHTML={pencilIcon}
        />
        <button
          ref={deleteButton}
          type="button"
          className={iconButton}
          aria-label={labels.delete}
          aria-haspopup="dialog"
          onClick={() => open("delete")}
          {...preloadDialogs}
          dangerouslySetInnerHTML={trashIcon}
        />
        {last !== null && (
          <ContactDialogs
            dialog={dialog}
            onClose={() => setDialog(null)}
            returnFocus={last === "delete" ? deleteButton : editButton}
            caseId={caseId}
            channels={channels}
            contact={contact}
            when={when}
            files={attachments.length}
          />
        )}
      </div>
      {children}
      {/* The notes and transcript are the form's too: written here, they come to the browser once. */}
      {contact.notes && <p className="mt-2 text-sm whitespace-pre-wrap">{contact.notes}</p>}
      {answered}
      {contact.transcript && (
        <details className="mt-3 rounded-md bg-muted/50 p-2 text-sm">
          <summary className="cursor-pointer font-medium">{text.transcript}</summary>
          <pre className="mt-2 max-h-80 overflow-auto font-sans whitespace-pre-wrap">
            {contact.transcript}
          </pre>
        </details>
      )}
      <div className="mt-3 space-y-2 text-sm">
        {(redFlags.length > 0 || disclosures.length > 0) && (
          <PrivacyLists redFlags={redFlags} disclosures={disclosures} />
        )}
        <details
          className="rounded-md border border-dashed border-border p-2 print:hidden"
          onToggle={(event) => event.currentTarget.open && setPrivacyOpened(true)}
          {...preloadProps(loadPrivacyForm)}
        >
          <summary className="cursor-pointer text-muted-foreground">{text.recordSummary}</summary>
          {privacyOpened && (
            <ContactPrivacyForm
              contactId={contact.id}
              context={privacy}
              marked={redFlags.map((f) => f.kind)}
              onChange={refresh}
            />
          )}
        </details>
      </div>
      <details
        className="mt-2 text-sm"
        onToggle={(event) => event.currentTarget.open && setTimeOpened(true)}
        {...preloadProps(loadTimeForm)}
      >
        <summary className="cursor-pointer text-muted-foreground">{text.changeTime}</summary>
        {timeOpened && <ContactTimeForm contactId={contact.id} startedAt={contact.startedAt} />}
      </details>
      <div className="mt-3 space-y-3">
        {attachments.length > 0 && <AttachmentList attachments={attachments} />}
        <div className="grid gap-1.5">
          <Label htmlFor={inputId}>{text.attach}</Label>
          <Input
            id={inputId}
            type="file"
            accept={accept}
            disabled={uploading}
            aria-describedby={`${inputId}-hint`}
            onChange={(event) => void send(event.currentTarget)}
            onPointerEnter={() => void loadUpload().catch(() => undefined)}
            onFocus={() => void loadUpload().catch(() => undefined)}
            className="max-w-md cursor-pointer"
          />
          <p id={`${inputId}-hint`} className="text-xs text-muted-foreground">
            {text.attachHint}
          </p>
        </div>
        {upload && <UploadStatus state={upload} maxSize={maxFileSize} />}
      </div>
    </>
  );
}
