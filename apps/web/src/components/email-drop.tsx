"use client";

import { humanFileSize, maxAttachmentBytes } from "@caseward/core/schemas";
import { Alert, Card, CardContent, CardDescription, CardHeader, CardTitle, cn } from "@caseward/ui";
import { Mail } from "lucide-react";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";

const tooLarge = `This email is larger than ${humanFileSize(maxAttachmentBytes)}.`;

/**
 * Without any mail setup: an email saved from a mail program (`.eml`), dropped here or chosen,
 * is filed into this case the way mail to the Caseward address is (who wrote it, when, the
 * text, its files, a warning when the sender only looks like the company).
 */
export function EmailDrop({
  caseId,
  onFiled,
}: {
  caseId: string;
  onFiled: () => Promise<unknown>;
}) {
  const inputId = useId();
  const router = useRouter();
  const [over, setOver] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  async function fileEmail(file: File | undefined) {
    if (!file) return;
    setMessage(null);
    if (file.size > maxAttachmentBytes) return setMessage({ ok: false, text: tooLarge });
    const form = new FormData();
    form.append("file", file);
    setBusy(true);
    const answer = await fetch(`/api/cases/${caseId}/email`, { method: "POST", body: form })
      .then(async (response) => ({
        ok: response.ok,
        body: (await response.json().catch(() => null)) as { error?: string } | null,
        status: response.status,
      }))
      .catch(() => null);
    setBusy(false);
    if (!answer) {
      return setMessage({
        ok: false,
        text: "The server could not be reached. Check your connection and try again.",
      });
    }
    if (!answer.ok) {
      return setMessage({
        ok: false,
        text:
          answer.body?.error ??
          (answer.status === 413 ? tooLarge : "Something went wrong. Please try again."),
      });
    }
    setMessage({ ok: true, text: "The email is filed in this case." });
    await onFiled();
    router.refresh();
  }

  return (
    <Card>
      <CardHeader>
        <CardTitle>Add an email</CardTitle>
        <CardDescription>
          Save an email from your mail program as a file (.eml) and drop it here: it is filed in
          this case with who sent it, when, and what it said.
        </CardDescription>
      </CardHeader>
      <CardContent className="space-y-3">
        <label
          htmlFor={inputId}
          data-testid="email-drop"
          onDragOver={(event) => {
            event.preventDefault();
            setOver(true);
          }}
          onDragLeave={() => setOver(false)}
          onDrop={(event) => {
            event.preventDefault();
            setOver(false);
            void fileEmail(event.dataTransfer.files[0]);
          }}
          className={cn(
            "flex cursor-pointer flex-col items-center gap-2 rounded-md border-2 border-dashed border-border p-4 text-center text-sm text-muted-foreground",
            over && "border-primary bg-accent/60",
          )}
        >
          <Mail aria-hidden className="size-5" />
          <span>{busy ? "Filing the email…" : "Drop an .eml file here, or choose one"}</span>
          <input
            id={inputId}
            type="file"
            accept=".eml,message/rfc822"
            className="sr-only"
            disabled={busy}
            aria-label="Choose an email file (.eml) to file in this case"
            onChange={(event) => {
              const input = event.currentTarget;
              void fileEmail(input.files?.[0]).finally(() => {
                input.value = "";
              });
            }}
          />
        </label>
        {message && <Alert variant={message.ok ? "success" : "danger"}>{message.text}</Alert>}
      </CardContent>
    </Card>
  );
}
