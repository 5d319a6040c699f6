"use client";

import { Alert, Button } from "@caseward/ui";

import { useTranslations } from "~/i18n/translations";

export default function AppError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  const t = useTranslations("ErrorPages");
  const notFound = /not found/i.test(error.message);
  return (
    <div className="space-y-4">
      <Alert
        variant={notFound ? "warning" : "danger"}
        title={notFound ? t("notFoundTitle") : t("failedTitle")}
      >
        {notFound ? t("notFound") : t("failed")}
      </Alert>
      <Button variant="secondary" onClick={reset}>
        {t("tryAgain")}
      </Button>
    </div>
  );
}
