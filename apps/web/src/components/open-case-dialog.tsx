"use client";

import { Button, Dialog, DialogContent, DialogTrigger } from "@caseward/ui";
import { Plus } from "lucide-react";
import dynamic from "next/dynamic";
import { useState } from "react";

import { useTranslations } from "~/i18n/translations";
import { preloadProps, usePreloadWhenIdle } from "~/lib/preload";

// The form, its schema and the tRPC client stay out of the page's first load (the dashboard's
// layout gives no tRPC client): fetched once the page has settled, or as soon as the button is
// pointed at, focused or touched, so the dialog opens with them.
const loadForm = () =>
  Promise.all([import("~/components/open-case-form"), import("~/trpc/with-provider")]);
const OpenCaseForm = dynamic(
  () => loadForm().then(([form, { withTRPC }]) => withTRPC(form.OpenCaseForm)),
  { ssr: false },
);

export function OpenCaseDialog({
  companies,
  companyId,
}: {
  companies: { id: string; name: string }[];
  companyId?: string;
}) {
  const t = useTranslations("CaseDialogs");
  const [open, setOpen] = useState(false);
  usePreloadWhenIdle(loadForm);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button {...preloadProps(loadForm)}>
          <Plus aria-hidden className="size-4" /> {t("openCase")}
        </Button>
      </DialogTrigger>
      <DialogContent title={t("openCase")} description={t("openCaseDescription")}>
        <OpenCaseForm companies={companies} companyId={companyId} onDone={() => setOpen(false)} />
      </DialogContent>
    </Dialog>
  );
}
