"use client";

import type { CasePriority, CaseStatus } from "@caseward/core/schemas";
import {
  abandonCaseInput,
  caseId,
  resolveCaseInput,
  updateCaseInput,
} from "@caseward/core/schemas";
import {
  Button,
  DialogClose,
  DialogContent,
  DialogFooter,
  Field,
  fieldAria,
  Input,
} from "@caseward/ui";
import type { UseMutationOptions } from "@tanstack/react-query";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import type { ReactNode } from "react";
import type { z } from "zod";

import { useTranslations } from "~/i18n/translations";
import { FormErrorSummary } from "~/components/form-error-summary";
import { firstError, formValues, useFormErrors, validate } from "~/lib/form";
import { CaseFields } from "~/components/case-fields";
import { useTRPC } from "~/trpc/react";

/** The case as its dialogs need it. */
export interface DialogCase {
  id: string;
  title: string;
  description: string | null;
  priority: CasePriority;
  closingNote: string | null;
  satisfaction: number | null;
  contactCount: number;
  fileCount: number;
  /** Where a reopened case goes (its last contact's status, or open). */
  reopensAs: CaseStatus;
}

export type CaseDialog = "resolve" | "abandon" | "reopen" | "edit" | "delete";

/** The server's limit for a closing note (cases/schemas.ts). */
const closingNoteMax = 300;

/**
 * A case action's form: the API's own schema checks it in the browser, each message shows
 * beside its field (the first one focused) or above the buttons; once saved, every view of the
 * case is refreshed and the dialog closes.
 */
function CaseActionForm<TData, TError, TVariables>({
  label,
  schema,
  options,
  values,
  onDone,
  submitLabel,
  children,
}: {
  label: string;
  schema: z.ZodType<TVariables>;
  options: UseMutationOptions<TData, TError, TVariables>;
  /** The input from the form's fields. */
  values: (fields: Record<string, string | undefined>) => Record<string, unknown>;
  onDone: () => void;
  submitLabel: string;
  children?: (error: (field: string) => string | undefined) => ReactNode;
}) {
  const common = useTranslations("Common");
  const queryClient = useQueryClient();
  const { formRef, errors, show: setErrors, showServerError, recheck } = useFormErrors();
  const mutation = useMutation({
    ...options,
    onSuccess: async () => {
      // A case's status shows on the dashboard, the company page and the case itself.
      await queryClient.invalidateQueries();
      onDone();
    },
    onError: showServerError,
  });
  const error = (field: string) => firstError(errors, field);
  return (
    <form
      ref={formRef}
      noValidate
      aria-label={label}
      className="space-y-4"
      onChange={(event) => {
        const fields = formValues(event.currentTarget);
        recheck(schema, () => values(fields));
      }}
      onSubmit={(event) => {
        event.preventDefault();
        const result = validate(schema, values(formValues(event.currentTarget)));
        if (!result.ok) return setErrors(result.errors);
        setErrors({});
        mutation.mutate(result.data);
      }}
    >
      {children?.(error)}
      <FormErrorSummary errors={errors} />
      <DialogFooter>
        <DialogClose asChild>
          <Button type="button" variant="ghost">
            {common("cancel")}
          </Button>
        </DialogClose>
        <Button type="submit" loading={mutation.isPending}>
          {submitLabel}
        </Button>
      </DialogFooter>
    </form>
  );
}

const satisfactionKeys = [
  "satisfaction1",
  "satisfaction2",
  "satisfaction3",
  "satisfaction4",
  "satisfaction5",
] as const;

function ResolveForm({ found, onDone }: { found: DialogCase; onDone: () => void }) {
  const t = useTranslations("CaseDialogs");
  const trpc = useTRPC();
  return (
    <CaseActionForm
      label={t("resolveTitle")}
      schema={resolveCaseInput}
      options={trpc.case.resolve.mutationOptions()}
      values={(fields) => ({ ...fields, caseId: found.id })}
      onDone={onDone}
      submitLabel={t("resolveSubmit")}
    >
      {(error) => (
        <>
          <Field
            label={t("howEnded")}
            htmlFor="resolve-note"
            hint={t("howEndedHint")}
            error={error("closingNote")}
          >
            <Input
              id="resolve-note"
              name="closingNote"
              maxLength={closingNoteMax}
              autoComplete="off"
              defaultValue={found.closingNote ?? ""}
              placeholder={t("howEndedPlaceholder")}
              {...fieldAria("resolve-note", error("closingNote"), true)}
            />
          </Field>
          <fieldset className="grid gap-1.5" aria-describedby="resolve-satisfaction-error">
            <legend className="mb-1.5 text-sm font-medium">
              {t.rich("satisfaction", {
                optional: (chunks) => <span className="font-normal">{chunks}</span>,
              })}
            </legend>
            <div className="grid grid-cols-5 gap-1">
              {satisfactionKeys.map((key, index) => (
                <label
                  key={key}
                  className="flex cursor-pointer flex-col items-center gap-1 rounded-md border border-border p-2 text-center text-xs has-checked:border-primary has-checked:bg-primary/10"
                >
                  <input
                    type="radio"
                    name="satisfaction"
                    value={index + 1}
                    defaultChecked={found.satisfaction === index + 1}
                    className="accent-primary"
                  />
                  <span className="font-medium">{index + 1}</span>
                  <span className="text-muted-foreground">{t(key)}</span>
                </label>
              ))}
            </div>
            {error("satisfaction") && (
              <p id="resolve-satisfaction-error" role="alert" className="text-[13px] text-danger">
                {error("satisfaction")}
              </p>
            )}
          </fieldset>
        </>
      )}
    </CaseActionForm>
  );
}

function AbandonForm({ found, onDone }: { found: DialogCase; onDone: () => void }) {
  const t = useTranslations("CaseDialogs");
  const trpc = useTRPC();
  return (
    <CaseActionForm
      label={t("abandonTitle")}
      schema={abandonCaseInput}
      options={trpc.case.abandon.mutationOptions()}
      values={(fields) => ({ ...fields, caseId: found.id })}
      onDone={onDone}
      submitLabel={t("abandonSubmit")}
    >
      {(error) => (
        <>
          <Field
            label={t("whyGiveUp")}
            htmlFor="abandon-reason"
            hint={t("whyGiveUpHint")}
            error={error("closingNote")}
          >
            <Input
              id="abandon-reason"
              name="closingNote"
              maxLength={closingNoteMax}
              autoComplete="off"
              placeholder={t("whyGiveUpPlaceholder")}
              {...fieldAria("abandon-reason", error("closingNote"), true)}
            />
          </Field>
          <p className="text-sm text-muted-foreground">{t("abandonEffect")}</p>
        </>
      )}
    </CaseActionForm>
  );
}

function ReopenForm({ found, onDone }: { found: DialogCase; onDone: () => void }) {
  const t = useTranslations("CaseDialogs");
  const words = useTranslations("Vocabulary");
  const trpc = useTRPC();
  return (
    <CaseActionForm
      label={t("reopenTitle")}
      schema={caseId}
      options={trpc.case.reopen.mutationOptions()}
      values={() => ({ caseId: found.id })}
      onDone={onDone}
      submitLabel={t("reopenSubmit")}
    >
      {() => (
        <p className="text-sm">
          {t.rich("reopenEffect", {
            status: words(`caseStatus.${found.reopensAs}`),
            strong: (chunks) => <strong>{chunks}</strong>,
          })}
          {found.closingNote && ` ${t("reopenClearsNote")}`}
        </p>
      )}
    </CaseActionForm>
  );
}

function EditForm({ found, onDone }: { found: DialogCase; onDone: () => void }) {
  const t = useTranslations("CaseDialogs");
  const trpc = useTRPC();
  return (
    <CaseActionForm
      label={t("editTitle")}
      schema={updateCaseInput}
      options={trpc.case.update.mutationOptions()}
      // An emptied description is cleared, not kept.
      values={(fields) => ({ ...fields, description: fields.description ?? "", caseId: found.id })}
      onDone={onDone}
      submitLabel={t("editSubmit")}
    >
      {(error) => <CaseFields idPrefix="edit-case" error={error} initial={found} />}
    </CaseActionForm>
  );
}

function DeleteForm({ found }: { found: DialogCase }) {
  const t = useTranslations("CaseDialogs");
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const { formRef, errors, showServerError } = useFormErrors();
  const caseKey = JSON.stringify(trpc.case.byId.queryKey({ caseId: found.id }));
  const mutation = useMutation(
    trpc.case.delete.mutationOptions({
      onSuccess: async () => {
        router.push("/");
        // Everything else that showed it, but not the case itself: it is gone.
        await queryClient.invalidateQueries({
          predicate: (query) => JSON.stringify(query.queryKey) !== caseKey,
        });
      },
      onError: showServerError,
    }),
  );
  return (
    <form
      ref={formRef}
      className="space-y-4"
      onSubmit={(event) => {
        event.preventDefault();
        mutation.mutate({ caseId: found.id });
      }}
    >
      <p className="text-sm">
        {t.rich("deleteWhat", {
          title: found.title,
          contacts: found.contactCount,
          files: found.fileCount,
          strong: (chunks) => <strong>{chunks}</strong>,
        })}
      </p>
      <FormErrorSummary errors={errors} />
      <DialogFooter>
        <DialogClose asChild>
          <Button type="button" variant="ghost">
            {t("keepIt")}
          </Button>
        </DialogClose>
        <Button type="submit" variant="danger" loading={mutation.isPending}>
          {t("deleteSubmit")}
        </Button>
      </DialogFooter>
    </form>
  );
}

/** Each dialog's title in the CaseDialogs namespace (only resolving has a description). */
const titles = {
  resolve: "resolveTitle",
  abandon: "abandonTitle",
  reopen: "reopenTitle",
  edit: "editTitle",
  delete: "deleteTitle",
} as const satisfies Record<CaseDialog, string>;

/**
 * The dialog of one case action, inside the page's `<Dialog>` (the status line and the case
 * menu open it). Closed when its change is made.
 */
export function CaseDialogContent({
  dialog,
  found,
  onDone,
}: {
  dialog: CaseDialog;
  found: DialogCase;
  onDone: () => void;
}) {
  const t = useTranslations("CaseDialogs");
  return (
    <DialogContent
      title={t(titles[dialog])}
      description={dialog === "resolve" ? t("resolveDescription") : undefined}
    >
      {dialog === "resolve" && <ResolveForm found={found} onDone={onDone} />}
      {dialog === "abandon" && <AbandonForm found={found} onDone={onDone} />}
      {dialog === "reopen" && <ReopenForm found={found} onDone={onDone} />}
      {dialog === "edit" && <EditForm found={found} onDone={onDone} />}
      {dialog === "delete" && <DeleteForm found={found} />}
    </DialogContent>
  );
}
