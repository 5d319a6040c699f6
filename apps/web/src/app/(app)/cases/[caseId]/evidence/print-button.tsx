"use client";

import { Button } from "@caseward/ui";
import { Printer } from "lucide-react";

export function PrintButton() {
  return (
    <Button variant="secondary" onClick={() => window.print()}>
      <Printer aria-hidden className="size-4" /> Print
    </Button>
  );
}
