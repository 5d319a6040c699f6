"use client";

import { Button, Input } from "@caseward/ui";
import { Check, Copy } from "lucide-react";
import { useState } from "react";

import { useTranslations } from "~/i18n/translations";

/** An address to copy: shown read-only (select it to copy by hand) with a copy button. */
export function CopyAddress({ address, label }: { address: string; label: string }) {
  const t = useTranslations("CopyAddress");
  const [copied, setCopied] = useState(false);
  const [failed, setFailed] = useState(false);
  async function copy() {
    try {
      await navigator.clipboard.writeText(address);
      setCopied(true);
      setFailed(false);
      setTimeout(() => setCopied(false), 2_000);
    } catch {
      setFailed(true);
    }
  }
  return (
    <div className="space-y-1">
      <div className="flex min-w-0 gap-2">
        <Input
          readOnly
          aria-label={label}
          value={address}
          onFocus={(e) => e.currentTarget.select()}
          className="min-w-0 flex-1 font-mono text-sm"
        />
        <Button type="button" variant="secondary" onClick={() => void copy()}>
          {copied ? (
            <Check aria-hidden className="size-4" />
          ) : (
            <Copy aria-hidden className="size-4" />
          )}
          {copied ? t("copied") : t("copy")}
        </Button>
      </div>
      <p role="status" className="text-muted-foreground text-sm">
        {failed ? t("failed") : ""}
      </p>
    </div>
  );
}
