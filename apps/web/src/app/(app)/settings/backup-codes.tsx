"use client";

import { Alert, Button } from "@caseward/ui";
import { Download, Printer } from "lucide-react";

import { useTranslations } from "~/i18n/translations";

/** Backup codes, shown once: to write down, download or print. */
export function BackupCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const t = useTranslations("SettingsSecurity");
  const file = `${t("backupCodesFile")}\n\n${codes.join("\n")}\n`;
  return (
    <div className="space-y-4">
      <Alert variant="warning" title={t("saveBackupCodes")}>
        {t("saveBackupCodesHint")}
      </Alert>
      <ol
        aria-label={t("backupCodes")}
        className="grid grid-cols-2 gap-2 rounded-md border border-border p-4 font-mono text-sm"
      >
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ol>
      <div className="flex flex-wrap gap-3 print:hidden">
        <Button asChild variant="secondary">
          <a
            href={`data:text/plain;charset=utf-8,${encodeURIComponent(file)}`}
            download={t("backupCodesFileName")}
          >
            <Download aria-hidden className="size-4" /> {t("downloadCodes")}
          </a>
        </Button>
        <Button variant="secondary" onClick={() => window.print()}>
          <Printer aria-hidden className="size-4" /> {t("print")}
        </Button>
        <Button onClick={onDone}>{t("savedThem")}</Button>
      </div>
    </div>
  );
}
