"use client";

import { Button } from "@caseward/ui";
import { Printer } from "lucide-react";

/** The label comes from the page (a Server Component), so no messages ride to the client. */
export function PrintButton({ label }: { label: string }) {
  return (
    <Button variant="secondary" onClick={() => window.print()}>
      <Printer aria-hidden className="size-4" /> {label}
    </Button>
  );
}
