"use client";

import {
  Alert,
  Button,
  Dialog,
  DialogClose,
  DialogContent,
  DialogFooter,
  DialogTrigger,
  Skeleton,
  useUndo,
} from "@caseward/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";

import { useTranslations } from "~/i18n/translations";
import { FormErrorSummary } from "~/components/form-error-summary";
import { serverMessage, useFormErrors } from "~/lib/form";
import { useTRPC } from "~/trpc/react";

type Translate = ReturnType<typeof useTranslations<"CompanyPage.delete">>;

/** What goes with the company, in words: "Its 2 cases (1 still open) are deleted with it: …". */
export function whatGoes(
  t: Translate,
  impact: { cases: number; openCases: number; contacts: number; files: number },
) {
  if (impact.cases === 0) return t("noCases");
  return t("withCases", {
    cases: impact.cases,
    open: impact.openCases,
    contacts: impact.contacts,
    files: impact.files,
  });
}

/** Deletes the company and everything under it, after saying how much that is. */
export function DeleteCompanyDialog({ companyId, name }: { companyId: string; name: string }) {
  const t = useTranslations("CompanyPage.delete");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const { notify } = useUndo();
  const [open, setOpen] = useState(false);
  const { formRef, errors, show, showServerError, clear } = useFormErrors();
  const impact = useQuery(
    trpc.company.deletionImpact.queryOptions({ companyId }, { enabled: open, staleTime: 0 }),
  );
  const remove = useMutation(
    trpc.company.delete.mutationOptions({
      onSuccess: async (gone) => {
        // Stale everywhere, but not fetched here again: this page's company is gone.
        await queryClient.invalidateQueries({ refetchType: "none" });
        setOpen(false);
        notify(t("deleted", { name: gone.name, cases: gone.cases }));
        router.push("/companies");
      },
      onError: (error) => {
        // Counted again: the refusal usually means the company gained or lost a case meanwhile.
        void impact.refetch();
        showServerError(error);
      },
    }),
  );
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        remove.reset();
        clear();
      }}
    >
      <DialogTrigger asChild>
        <Button variant="outline">
          <Trash2 aria-hidden className="size-4" /> {t("button")}
        </Button>
      </DialogTrigger>
      <DialogContent title={t("title", { name })} description={t("lead")} hideClose>
        {impact.data ? (
          <p className="text-sm">{whatGoes(t, impact.data)}</p>
        ) : impact.isError ? (
          <Alert variant="danger">{serverMessage(impact.error)}</Alert>
        ) : (
          <Skeleton className="h-10 w-full" />
        )}
        <form
          ref={formRef}
          aria-label={t("form", { name })}
          onSubmit={(event) => {
            event.preventDefault();
            if (!impact.data) return show({ _form: [t("wait")] });
            clear();
            remove.mutate({ companyId, caseCount: impact.data.cases });
          }}
        >
          <DialogFooter className="sm:items-center">
            <FormErrorSummary errors={errors} className="sm:mr-auto" />
            <DialogClose asChild>
              <Button type="button" variant="outline">
                {t("keep")}
              </Button>
            </DialogClose>
            <Button
              type="submit"
              variant="danger"
              // A long company name wraps instead of widening the dialog past a phone's screen.
              className="h-auto min-h-9 py-2 text-center whitespace-normal"
              disabled={!impact.data || impact.isFetching}
              loading={remove.isPending}
            >
              {impact.data && impact.data.cases > 0
                ? t("submitWithCases", { name, cases: impact.data.cases })
                : t("submit", { name })}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
