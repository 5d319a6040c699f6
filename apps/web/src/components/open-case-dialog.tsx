"use client";

import type { Locale } from "@caseward/core/i18n";
import { Button, Dialog, DialogContent, DialogTrigger, Spinner } from "@caseward/ui";
import { Plus } from "lucide-react";
import { useLocale } from "next-intl";
import type { ComponentType } from "react";
import { useCallback, useEffect, useState } from "react";

import { LoadedMessages } from "~/i18n/messages-provider";
import { useTranslations } from "~/i18n/translations";
import { preloadProps, usePreloadWhenIdle } from "~/lib/preload";
import { openCaseFormWords } from "./open-case-words";

interface FormProps {
  companies: { id: string; name: string }[];
  companyId?: string;
  onDone: () => void;
}

interface LoadedForm {
  Form: ComponentType<FormProps>;
  words: Record<string, unknown>;
}

/** The form once loaded in a language: the same component each time the dialog opens. */
const loadedForms = new Map<Locale, LoadedForm>();

// The form, its schema, the tRPC client and the form's words stay out of the page's first load
// (the dashboard's layout gives no tRPC client, its HTML none of the form's words): fetched
// together once the page has settled, or as soon as the button is pointed at, focused or
// touched, so the dialog opens with them.
async function loadForm(locale: Locale): Promise<LoadedForm> {
  const [form, { withTRPC }, words] = await Promise.all([
    import("~/components/open-case-form"),
    import("~/trpc/with-provider"),
    openCaseFormWords[locale](),
  ]);
  const loaded = loadedForms.get(locale) ?? { Form: withTRPC(form.OpenCaseForm), words };
  loadedForms.set(locale, loaded);
  return loaded;
}

export function OpenCaseDialog({
  companies,
  companyId,
}: {
  companies: { id: string; name: string }[];
  companyId?: string;
}) {
  const t = useTranslations("CaseDialogs");
  const locale = useLocale();
  const [open, setOpen] = useState(false);
  const load = useCallback(() => loadForm(locale), [locale]);
  usePreloadWhenIdle(load);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button {...preloadProps(load)}>
          <Plus aria-hidden className="size-4" /> {t("openCase")}
        </Button>
      </DialogTrigger>
      <DialogContent title={t("openCase")} description={t("openCaseDescription")}>
        <FormOnceLoaded
          load={load}
          locale={locale}
          companies={companies}
          companyId={companyId}
          onDone={() => setOpen(false)}
        />
      </DialogContent>
    </Dialog>
  );
}

/**
 * The form with its words; while they load, a spinner and a sentence; if they cannot be fetched
 * (offline), a sentence saying so. The dialog's title and these two are the only words the page
 * gave.
 */
function FormOnceLoaded({
  load,
  locale,
  ...props
}: FormProps & { load: () => Promise<LoadedForm>; locale: Locale }) {
  const t = useTranslations("CaseDialogs");
  const [loaded, setLoaded] = useState(() => loadedForms.get(locale));
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (loaded) return;
    let current = true;
    load().then(
      (form) => current && setLoaded(form),
      () => current && setFailed(true),
    );
    return () => {
      current = false;
    };
  }, [loaded, load]);

  if (failed) {
    return (
      <p role="alert" className="text-sm text-danger">
        {t("openCaseLoadFailed")}
      </p>
    );
  }
  if (!loaded) {
    return (
      <p
        role="status"
        className="flex items-center justify-center gap-2 py-8 text-sm text-muted-foreground"
      >
        <Spinner /> {t("openCaseLoading")}
      </p>
    );
  }
  const { Form, words } = loaded;
  return (
    <LoadedMessages messages={words}>
      <Form {...props} />
    </LoadedMessages>
  );
}
