"use client";

import { Alert, Button } from "@caseward/ui";
import { Download, Printer } from "lucide-react";

/** Backup codes, shown once: to write down, download or print. */
export function BackupCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const file = `Caseward backup codes\nEach code signs you in once, instead of an authenticator code.\n\n${codes.join("\n")}\n`;
  return (
    <div className="space-y-4">
      <Alert variant="warning" title="Save these backup codes now">
        Each code signs you in once if you lose your phone. They are not shown again.
      </Alert>
      <ol
        aria-label="Backup codes"
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
            download="caseward-backup-codes.txt"
          >
            <Download aria-hidden className="size-4" /> Download codes
          </a>
        </Button>
        <Button variant="secondary" onClick={() => window.print()}>
          <Printer aria-hidden className="size-4" /> Print
        </Button>
        <Button onClick={onDone}>I saved them</Button>
      </div>
    </div>
  );
}
