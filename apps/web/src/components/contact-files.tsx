"use client";

import { Alert, Badge, Button } from "@caseward/ui";
import type { LucideIcon } from "lucide-react";
import { File, FileAudio, FileImage, FileText, Mail, Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";

import { useTranslations } from "~/i18n/translations";
import { useDeleteWithUndo } from "~/lib/delete-with-undo";

// A contact's files, an upload's progress and the request sending it: loaded by the timeline's
// contact part (contact-island.tsx) when a contact has files, or when a file is chosen.

export interface AttachmentItem {
  id: string;
  fileName: string;
  mimeType: string;
  sizeBytes: number;
  kind: string;
  /** Set when the server made a thumbnail (images). */
  thumbnailBytes: number | null;
  /** Its size as the page writes it (`humanFileSize`, on the server, in the page's language). */
  size: string;
}

/** What an upload shows: its progress, or the problem that stopped it. */
export type UploadState =
  | { name: string; fraction: number }
  | { problem: "tooLarge" | "unreachable" | "failed" }
  | { problem: "server"; text: string };

type KindKey =
  "kindTranscript" | "kindRecording" | "kindEmail" | "kindDocument" | "kindImage" | "kindFile";

const kinds: Record<string, { label: KindKey; icon: LucideIcon }> = {
  transcript: { label: "kindTranscript", icon: FileText },
  recording: { label: "kindRecording", icon: FileAudio },
  email: { label: "kindEmail", icon: Mail },
  document: { label: "kindDocument", icon: File },
  image: { label: "kindImage", icon: FileImage },
};

/** The problem a refused upload gave: the server's own sentence, else what its status says. */
function problemOf(status: number, body: unknown): UploadState {
  const error = (body as { error?: unknown } | null)?.error;
  if (typeof error === "string") return { problem: "server", text: error };
  if (status === 413) return { problem: "tooLarge" };
  return { problem: "failed" };
}

/**
 * Sends a contact's file with XMLHttpRequest, which (unlike fetch) reports upload progress: 25 MB
 * from a phone takes a while, and the person should see it move. The problem to show, or null.
 */
export function sendAttachment(
  contactId: string,
  file: File,
  onProgress: (fraction: number) => void,
) {
  const form = new FormData();
  form.append("file", file);
  return new Promise<UploadState | null>((resolve) => {
    const request = new XMLHttpRequest();
    request.open("POST", `/api/contacts/${contactId}/attachments`);
    request.responseType = "json";
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    request.onload = () =>
      resolve(
        request.status >= 200 && request.status < 300
          ? null
          : problemOf(request.status, request.response),
      );
    request.onerror = () => resolve({ problem: "unreachable" });
    request.send(form);
  });
}

/** An upload under way (its progress), or the problem that stopped it. */
export function UploadStatus({ state, maxSize: size }: { state: UploadState; maxSize: string }) {
  const t = useTranslations("Attachments");
  const common = useTranslations("Common");
  if ("fraction" in state) {
    return (
      <div className="grid max-w-md gap-1 text-sm text-muted-foreground">
        <span className="truncate" aria-hidden>
          {state.fraction < 1
            ? t("uploadingProgress", {
                name: state.name,
                percent: Math.round(state.fraction * 100),
              })
            : t("saving", { name: state.name })}
        </span>
        <progress
          className="h-2 w-full overflow-hidden rounded accent-primary"
          max={1}
          value={state.fraction}
          aria-label={t("uploading", { name: state.name })}
        />
      </div>
    );
  }
  const problem = {
    tooLarge: () => t("fileTooLarge", { size }),
    unreachable: () => t("unreachable"),
    failed: () => common("somethingWentWrong"),
    server: () => ("text" in state ? state.text : ""),
  }[state.problem]();
  return <Alert variant="danger" title={problem} />;
}

/** A contact's files: each downloads, images show their thumbnail, recordings play. */
export function AttachmentList({ attachments: all }: { attachments: AttachmentItem[] }) {
  const t = useTranslations("Attachments");
  const router = useRouter();
  const deletes = useDeleteWithUndo();
  const attachments = all.filter((a) => !deletes.isPending(a.id));

  function remove(attachment: AttachmentItem) {
    deletes.remove({
      id: attachment.id,
      message: t("deleted", { name: attachment.fileName }),
      request: { url: `/api/attachments/${attachment.id}`, method: "DELETE" },
      refresh: () => Promise.resolve(router.refresh()),
    });
  }

  if (attachments.length === 0) return null;
  return (
    <ul className="space-y-2" aria-label={t("attachedFiles")}>
      {attachments.map((attachment) => {
        const { label, icon: Icon } = kinds[attachment.kind] ?? {
          label: "kindFile" as const,
          icon: File,
        };
        const href = `/api/attachments/${attachment.id}`;
        return (
          <li key={attachment.id} className="rounded-md border border-border p-2 text-sm">
            <div className="flex min-w-0 items-center gap-2">
              <Icon aria-hidden className="size-4 shrink-0 text-muted-foreground" />
              <a
                href={href}
                download
                // Wraps anywhere (at most two lines): a long name never widens the page.
                className="line-clamp-2 min-w-0 font-medium [overflow-wrap:anywhere] text-foreground underline-offset-4 hover:underline"
              >
                {attachment.fileName}
              </a>
              <span className="shrink-0 text-muted-foreground">{attachment.size}</span>
              <Badge variant="outline" className="max-sm:hidden">
                {t(label)}
              </Badge>
              <Button
                type="button"
                variant="ghost"
                size="sm"
                className="ml-auto"
                aria-label={t("remove", { name: attachment.fileName })}
                onClick={() => remove(attachment)}
              >
                <Trash2 aria-hidden />
              </Button>
            </div>
            {attachment.thumbnailBytes !== null && (
              // A thumbnail made on the server (no metadata, at most 320 px), shown at
              // half its size for sharp screens; the name above downloads the original.
              <img
                src={`${href}/thumbnail`}
                alt={t("preview", { name: attachment.fileName })}
                loading="lazy"
                decoding="async"
                className="mt-2 max-h-40 max-w-40 rounded border border-border bg-muted object-contain"
              />
            )}
            {attachment.kind === "recording" && (
              <audio
                controls
                preload="none"
                src={href}
                aria-label={t("play", { name: attachment.fileName })}
                className="mt-2 w-full max-w-md"
              />
            )}
          </li>
        );
      })}
    </ul>
  );
}
