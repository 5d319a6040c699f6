"use client";

import { attachmentFileExtensions, maxAttachmentBytes } from "@caseward/core/schemas";
import { Alert, Badge, Button, Input, Label } from "@caseward/ui";
import { useQueryClient } from "@tanstack/react-query";
import type { LucideIcon } from "lucide-react";
import { File, FileAudio, FileImage, FileText, Mail, Trash2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";

import { useDeleteWithUndo } from "~/lib/delete-with-undo";
import { useTRPC } from "~/trpc/react";

interface AttachmentItem {
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

type KindKey =
  "kindTranscript" | "kindRecording" | "kindEmail" | "kindDocument" | "kindImage" | "kindFile";

const kinds: Record<string, { label: KindKey; icon: LucideIcon }> = {
  transcript: { label: "kindTranscript", icon: FileText },
  recording: { label: "kindRecording", icon: FileAudio },
  email: { label: "kindEmail", icon: Mail },
  document: { label: "kindDocument", icon: File },
  image: { label: "kindImage", icon: FileImage },
};

/** The sentences a failed upload can show, in the page's language. */
interface Problems {
  tooLarge: string;
  unreachable: string;
  failed: string;
}

/** The problem to show for a failed answer: the server's own sentence when it gave one. */
function problemOf(status: number, body: unknown, problems: Problems): string {
  const error = (body as { error?: unknown } | null)?.error;
  if (typeof error === "string") return error;
  if (status === 413) return problems.tooLarge;
  return problems.failed;
}

/**
 * Sends the file with XMLHttpRequest, which (unlike fetch) reports upload progress: 25 MB from
 * a phone takes a while, and the person should see it move. The problem to show, or null.
 */
function send(
  url: string,
  form: FormData,
  onProgress: (fraction: number) => void,
  problems: Problems,
) {
  return new Promise<string | null>((resolve) => {
    const request = new XMLHttpRequest();
    request.open("POST", url);
    request.responseType = "json";
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    request.onload = () =>
      resolve(
        request.status >= 200 && request.status < 300
          ? null
          : problemOf(request.status, request.response, problems),
      );
    request.onerror = () => resolve(problems.unreachable);
    request.send(form);
  });
}

export function AttachmentUpload({
  contactId,
  attachments: all,
  maxSize: size,
  onChange,
}: {
  contactId: string;
  attachments: AttachmentItem[];
  /** The largest file accepted, written on the server (`humanFileSize`, the page's language). */
  maxSize: string;
  onChange?: () => void;
}) {
  const t = useTranslations("Attachments");
  const common = useTranslations("Common");
  const problems: Problems = {
    tooLarge: t("fileTooLarge", { size }),
    unreachable: t("unreachable"),
    failed: common("somethingWentWrong"),
  };
  const inputId = useId();
  const [uploading, setUploading] = useState<{ name: string; fraction: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const deletes = useDeleteWithUndo();
  const attachments = all.filter((a) => !deletes.isPending(a.id));

  async function upload(input: HTMLInputElement) {
    const file = input.files?.[0];
    if (!file) return;
    setError(null);
    // Checked here too so that a file too large is not sent at all; the server has the last word.
    if (file.size > maxAttachmentBytes) {
      input.value = "";
      return setError(problems.tooLarge);
    }
    const form = new FormData();
    form.append("file", file);
    setUploading({ name: file.name, fraction: 0 });
    const problem = await send(
      `/api/contacts/${contactId}/attachments`,
      form,
      (fraction) => setUploading({ name: file.name, fraction }),
      problems,
    );
    setUploading(null);
    input.value = "";
    if (problem) return setError(problem);
    onChange?.();
  }

  function remove(attachment: AttachmentItem) {
    setError(null);
    deletes.remove({
      id: attachment.id,
      message: t("deleted", { name: attachment.fileName }),
      request: { url: `/api/attachments/${attachment.id}`, method: "DELETE" },
      refresh: () => queryClient.invalidateQueries({ queryKey: trpc.case.pathKey() }),
    });
  }

  return (
    <div className="space-y-3">
      {attachments.length > 0 && (
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
      )}

      <div className="grid gap-1.5">
        <Label htmlFor={inputId}>{t("attach")}</Label>
        <Input
          id={inputId}
          type="file"
          accept={attachmentFileExtensions.join(",")}
          disabled={uploading !== null}
          aria-describedby={`${inputId}-hint`}
          onChange={(event) => void upload(event.currentTarget)}
          className="max-w-md cursor-pointer"
        />
        <p id={`${inputId}-hint`} className="text-xs text-muted-foreground">
          {t("attachHint", { size })}
        </p>
      </div>

      {uploading && (
        <div className="grid max-w-md gap-1 text-sm text-muted-foreground">
          <span className="truncate" aria-hidden>
            {uploading.fraction < 1
              ? t("uploadingProgress", {
                  name: uploading.name,
                  percent: Math.round(uploading.fraction * 100),
                })
              : t("saving", { name: uploading.name })}
          </span>
          <progress
            className="h-2 w-full overflow-hidden rounded accent-primary"
            max={1}
            value={uploading.fraction}
            aria-label={t("uploading", { name: uploading.name })}
          />
        </div>
      )}
      {error && <Alert variant="danger" title={error} />}
    </div>
  );
}
