"use client";

import { Alert, Badge, Button, Input, Label, Spinner } from "@caseward/ui";
import { useQueryClient } from "@tanstack/react-query";
import type { LucideIcon } from "lucide-react";
import { File, FileAudio, FileText, Mail, Trash2 } from "lucide-react";
import { useId, useState } from "react";

import { useDeleteWithUndo } from "~/lib/delete-with-undo";
import { useTRPC } from "~/trpc/react";

interface AttachmentItem {
  id: string;
  fileName: string;
  mimeType: string;
  sizeBytes: number;
  kind: string;
}

// The server's limit (maxAttachmentBytes in @caseward/core), checked here too so that a file
// that is too large is not sent at all; the server checks again and has the last word.
const largestFile = 25 * 1024 * 1024;

const kinds: Record<string, { label: string; icon: LucideIcon }> = {
  transcript: { label: "Transcript", icon: FileText },
  recording: { label: "Recording", icon: FileAudio },
  email: { label: "Email", icon: Mail },
  document: { label: "PDF", icon: File },
};

const sizeFormat = new Intl.NumberFormat("en", { maximumFractionDigits: 1 });

/** "812 bytes", "14.2 KB", "3.4 MB". */
function humanSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${sizeFormat.format(bytes / 1024)} KB`;
  return `${sizeFormat.format(bytes / (1024 * 1024))} MB`;
}

/** Sends a request; the problem to show when it did not succeed, null when it did. */
async function problemWith(url: string, init: RequestInit): Promise<string | null> {
  try {
    const response = await fetch(url, init);
    if (response.ok) return null;
    const body = (await response.json().catch(() => null)) as { error?: unknown } | null;
    if (typeof body?.error === "string") return body.error;
    if (response.status === 413) return "This file is larger than 25 MB.";
    return "Something went wrong. Please try again.";
  } catch {
    return "The server could not be reached. Check your connection and try again.";
  }
}

export function AttachmentUpload({
  contactId,
  attachments: all,
  onChange,
}: {
  contactId: string;
  attachments: AttachmentItem[];
  onChange?: () => void;
}) {
  const inputId = useId();
  const [uploading, setUploading] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const deletes = useDeleteWithUndo();
  const attachments = all.filter((a) => !deletes.isPending(a.id));

  async function upload(input: HTMLInputElement) {
    const file = input.files?.[0];
    if (!file) return;
    setError(null);
    if (file.size > largestFile) {
      input.value = "";
      return setError("This file is larger than 25 MB.");
    }
    const form = new FormData();
    form.append("file", file);
    setUploading(file.name);
    const problem = await problemWith(`/api/contacts/${contactId}/attachments`, {
      method: "POST",
      body: form,
    });
    setUploading(null);
    input.value = "";
    if (problem) return setError(problem);
    onChange?.();
  }

  function remove(attachment: AttachmentItem) {
    setError(null);
    deletes.remove({
      id: attachment.id,
      message: `${attachment.fileName} deleted.`,
      request: { url: `/api/attachments/${attachment.id}`, method: "DELETE" },
      refresh: () => queryClient.invalidateQueries({ queryKey: trpc.case.pathKey() }),
    });
  }

  return (
    <div className="space-y-3">
      {attachments.length > 0 && (
        <ul className="space-y-2" aria-label="Attached files">
          {attachments.map((attachment) => {
            const { label, icon: Icon } = kinds[attachment.kind] ?? {
              label: "File",
              icon: File,
            };
            const href = `/api/attachments/${attachment.id}`;
            return (
              <li key={attachment.id} className="rounded-md border border-border p-2 text-sm">
                <div className="flex items-center gap-2">
                  <Icon aria-hidden className="size-4 shrink-0 text-muted-foreground" />
                  <a
                    href={href}
                    download
                    className="min-w-0 truncate font-medium text-foreground underline-offset-4 hover:underline"
                  >
                    {attachment.fileName}
                  </a>
                  <span className="shrink-0 text-muted-foreground">
                    {humanSize(attachment.sizeBytes)}
                  </span>
                  <Badge variant="outline">{label}</Badge>
                  <Button
                    type="button"
                    variant="ghost"
                    size="sm"
                    className="ml-auto"
                    aria-label={`Remove ${attachment.fileName}`}
                    onClick={() => remove(attachment)}
                  >
                    <Trash2 aria-hidden />
                  </Button>
                </div>
                {attachment.kind === "recording" && (
                  <audio
                    controls
                    preload="none"
                    src={href}
                    aria-label={`Play ${attachment.fileName}`}
                    className="mt-2 w-full max-w-md"
                  />
                )}
              </li>
            );
          })}
        </ul>
      )}

      <div className="grid gap-1.5">
        <Label htmlFor={inputId}>Attach a transcript or recording</Label>
        <Input
          id={inputId}
          type="file"
          accept=".txt,.eml,.pdf,.mp3,.m4a,.wav"
          disabled={uploading !== null}
          aria-describedby={`${inputId}-hint`}
          onChange={(event) => void upload(event.currentTarget)}
          className="max-w-md cursor-pointer"
        />
        <p id={`${inputId}-hint`} className="text-xs text-muted-foreground">
          Text, email, PDF, MP3, M4A or WAV, up to 25 MB. Only you can open it.
        </p>
      </div>

      {uploading && (
        <p className="flex items-center gap-2 text-sm text-muted-foreground">
          <Spinner label={`Uploading ${uploading}`} />
          <span aria-hidden>Uploading {uploading}…</span>
        </p>
      )}
      {error && <Alert variant="danger" title={error} />}
    </div>
  );
}
