"use client";

import { maxAttachmentBytes } from "@caseward/core/schemas";
import { Alert, Card, CardContent, CardDescription, CardHeader, CardTitle, cn } from "@caseward/ui";
import { Mail } from "lucide-react";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";

import { useTranslations } from "~/i18n/translations";

/**
 * Without any mail setup: an email saved from a mail program (`.eml`), dropped here or chosen,
 * is filed into this case the way mail to the Caseward address is (who wrote it, when, the
 * text, its files, a warning when the sender only looks like the company).
 */
export function EmailDrop({
  caseId,
  maxSize,
  onFiled,
}: {
  caseId: string;
  /** The largest file accepted, written on the server (`humanFileSize`, the page's language). */
  maxSize: string;
  onFiled: () => Promise<unknown>;
}) {
  const t = useTranslations("Attachments");
  const common = useTranslations("Common");
  const tooLarge = t("emailTooLarge", { size: maxSize });
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
        text: t("unreachable"),
      });
    }
    if (!answer.ok) {
      return setMessage({
        ok: false,
        text:
          answer.body?.error ?? (answer.status === 413 ? tooLarge : common("somethingWentWrong")),
      });
    }
    setMessage({ ok: true, text: t("emailFiled") });
    await onFiled();
    router.refresh();
  }

  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("addEmail")}</CardTitle>
        <CardDescription>{t("addEmailDescription")}</CardDescription>
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
          <span>{busy ? t("filing") : t("drop")}</span>
          <input
            id={inputId}
            type="file"
            accept=".eml,message/rfc822"
            className="sr-only"
            disabled={busy}
            aria-label={t("chooseEmail")}
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
