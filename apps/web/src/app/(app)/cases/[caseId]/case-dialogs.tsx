"use client";

import type { CasePriority, CaseStatus } from "@caseward/core/schemas";
import {
  abandonCaseInput,
  caseId,
  caseStatusLabels,
  countOf,
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
            Cancel
          </Button>
        </DialogClose>
        <Button type="submit" loading={mutation.isPending}>
          {submitLabel}
        </Button>
      </DialogFooter>
    </form>
  );
}

const satisfactionLabels = ["Not at all", "A little", "Somewhat", "Mostly", "Very"];

function ResolveForm({ found, onDone }: { found: DialogCase; onDone: () => void }) {
  const trpc = useTRPC();
  return (
    <CaseActionForm
      label="Resolve the case"
      schema={resolveCaseInput}
      options={trpc.case.resolve.mutationOptions()}
      values={(fields) => ({ ...fields, caseId: found.id })}
      onDone={onDone}
      submitLabel="Resolve case"
    >
      {(error) => (
        <>
          <Field
            label="How did it end?"
            htmlFor="resolve-note"
            hint="One line: what they did, or what you got."
            error={error("closingNote")}
          >
            <Input
              id="resolve-note"
              name="closingNote"
              maxLength={closingNoteMax}
              autoComplete="off"
              defaultValue={found.closingNote ?? ""}
              placeholder="Refund of $120 credited to my card"
              {...fieldAria("resolve-note", error("closingNote"), true)}
            />
          </Field>
          <fieldset className="grid gap-1.5" aria-describedby="resolve-satisfaction-error">
            <legend className="mb-1.5 text-sm font-medium">
              How satisfied are you with how it ended?{" "}
              <span className="font-normal">(optional)</span>
            </legend>
            <div className="grid grid-cols-5 gap-1">
              {satisfactionLabels.map((label, index) => (
                <label
                  key={label}
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
                  <span className="text-muted-foreground">{label}</span>
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
  const trpc = useTRPC();
  return (
    <CaseActionForm
      label="Give up on the case"
      schema={abandonCaseInput}
      options={trpc.case.abandon.mutationOptions()}
      values={(fields) => ({ ...fields, caseId: found.id })}
      onDone={onDone}
      submitLabel="Give up on the case"
    >
      {(error) => (
        <>
          <Field
            label="Why are you giving up?"
            htmlFor="abandon-reason"
            hint="One line, for when you look back at it (or reopen it)."
            error={error("closingNote")}
          >
            <Input
              id="abandon-reason"
              name="closingNote"
              maxLength={closingNoteMax}
              autoComplete="off"
              placeholder="Not worth more hours on hold"
              {...fieldAria("abandon-reason", error("closingNote"), true)}
            />
          </Field>
          <p className="text-sm text-muted-foreground">
            Its deadlines stop and no more reminders are sent. You can reopen it later.
          </p>
        </>
      )}
    </CaseActionForm>
  );
}

function ReopenForm({ found, onDone }: { found: DialogCase; onDone: () => void }) {
  const trpc = useTRPC();
  return (
    <CaseActionForm
      label="Reopen the case"
      schema={caseId}
      options={trpc.case.reopen.mutationOptions()}
      values={() => ({ caseId: found.id })}
      onDone={onDone}
      submitLabel="Reopen case"
    >
      {() => (
        <p className="text-sm">
          It goes back to <strong>{caseStatusLabels[found.reopensAs]}</strong>, where its last
          contact left it. No deadline starts until you log a contact that waits for an answer.
          {found.closingNote && " What you said when you closed it is cleared."}
        </p>
      )}
    </CaseActionForm>
  );
}

function EditForm({ found, onDone }: { found: DialogCase; onDone: () => void }) {
  const trpc = useTRPC();
  return (
    <CaseActionForm
      label="Edit the case"
      schema={updateCaseInput}
      options={trpc.case.update.mutationOptions()}
      // An emptied description is cleared, not kept.
      values={(fields) => ({ ...fields, description: fields.description ?? "", caseId: found.id })}
      onDone={onDone}
      submitLabel="Save changes"
    >
      {(error) => <CaseFields idPrefix="edit-case" error={error} initial={found} />}
    </CaseActionForm>
  );
}

const count = countOf;

function DeleteForm({ found }: { found: DialogCase }) {
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
        <strong>{found.title}</strong> goes with everything in it:{" "}
        {[
          count(found.contactCount, "contact", "contacts"),
          found.fileCount > 0 ? count(found.fileCount, "file", "files") : null,
          "its questions, deadlines and emails",
        ]
          .filter(Boolean)
          .join(", ")}
        . This cannot be undone: to keep a record, download its evidence pack first.
      </p>
      <FormErrorSummary errors={errors} />
      <DialogFooter>
        <DialogClose asChild>
          <Button type="button" variant="ghost">
            Keep it
          </Button>
        </DialogClose>
        <Button type="submit" variant="danger" loading={mutation.isPending}>
          Delete case
        </Button>
      </DialogFooter>
    </form>
  );
}

const titles: Record<CaseDialog, { title: string; description?: string }> = {
  resolve: { title: "Resolve the case", description: "The problem is solved." },
  abandon: { title: "Give up on the case" },
  reopen: { title: "Reopen the case" },
  edit: { title: "Edit the case" },
  delete: { title: "Delete the case?" },
};

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
  const { title, description } = titles[dialog];
  return (
    <DialogContent title={title} description={description}>
      {dialog === "resolve" && <ResolveForm found={found} onDone={onDone} />}
      {dialog === "abandon" && <AbandonForm found={found} onDone={onDone} />}
      {dialog === "reopen" && <ReopenForm found={found} onDone={onDone} />}
      {dialog === "edit" && <EditForm found={found} onDone={onDone} />}
      {dialog === "delete" && <DeleteForm found={found} />}
    </DialogContent>
  );
}
