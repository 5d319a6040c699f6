"use client";

import {
  Alert,
  Button,
  Card,
  CardContent,
  CardDescription,
  CardHeader,
  CardTitle,
  Checkbox,
  Label,
  PageHeader,
} from "@caseward/ui";
import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { ExternalLink, Printer } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";

import { useTranslations } from "~/i18n/translations";
import { DisclosureTable } from "~/components/disclosure-table";
import { trpcDelete, useDeleteWithUndo } from "~/lib/delete-with-undo";
import { serverMessage } from "~/lib/form";
import { useClock } from "~/lib/time";
import { useTRPC } from "~/trpc/react";

/** After a breach: what the company held about the user, and what to do, for their country. */
export function BreachReport({ breachId }: { breachId: string }) {
  const t = useTranslations("Breaches.report");
  const kindLabel = useTranslations("Vocabulary.disclosureKind");
  const clock = useClock();
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const { data: report } = useSuspenseQuery(trpc.privacy.breachReport.queryOptions({ breachId }));
  // Ticked at once; put back if the server refuses.
  const [done, setDone] = useState(
    () => new Set(report.actions.filter((a) => a.done).map((a) => a.id)),
  );
  const toggle = (actionId: string, on: boolean) =>
    setDone((current) => {
      const next = new Set(current);
      if (on) next.add(actionId);
      else next.delete(actionId);
      return next;
    });
  const tick = useMutation(
    trpc.privacy.setBreachAction.mutationOptions({
      onError: (_error, input) => toggle(input.actionId, !input.done),
    }),
  );
  const deletes = useDeleteWithUndo();
  function remove() {
    deletes.remove({
      id: breachId,
      message: t("deleted"),
      request: trpcDelete(trpc.privacy.deleteBreach, { breachId }),
      refresh: () => queryClient.invalidateQueries({ queryKey: trpc.privacy.pathKey() }),
    });
    router.push(`/companies/${report.company.id}/privacy#breaches`);
  }
  const kinds = [...new Set(report.disclosed.map((d) => d.kind))];
  return (
    <div className="space-y-6">
      <PageHeader
        title={t("title", { company: report.company.name })}
        description={
          <>
            {t("learnedFrom", {
              date: clock.day(report.breach.occurredOn),
              source: report.breach.source,
            })}
            <span className="print:hidden">
              {" · "}
              <Link href={`/companies/${report.company.id}/privacy`} className="hover:underline">
                {t("privacyAt", { company: report.company.name })}
              </Link>
            </span>
          </>
        }
        actions={
          <Button variant="secondary" onClick={() => window.print()} className="print:hidden">
            <Printer aria-hidden className="size-4" /> {t("print")}
          </Button>
        }
      />
      {report.breach.note && <p className="text-sm">{report.breach.note}</p>}
      <Card>
        <CardHeader>
          <CardTitle>{t("heldTitle", { company: report.company.name })}</CardTitle>
          <CardDescription>
            {kinds.length === 0
              ? t("nothingRecorded")
              : t("youGave", { kinds: kinds.map((k) => kindLabel(k)).join(", ") })}
          </CardDescription>
        </CardHeader>
        <CardContent>
          <DisclosureTable entries={report.disclosed} show="case" empty={t("emptyTable")} />
        </CardContent>
      </Card>
      <Card className="break-inside-avoid">
        <CardHeader>
          <CardTitle>{t("todoTitle")}</CardTitle>
          <CardDescription>
            {t("todoLead", {
              done: done.size,
              total: report.actions.length,
              country: report.country,
            })}
          </CardDescription>
        </CardHeader>
        <CardContent>
          {tick.isError && <Alert variant="danger">{serverMessage(tick.error)}</Alert>}
          <ul className="space-y-3">
            {report.actions.map((action) => (
              <li key={action.id} className="flex items-start gap-3">
                <Checkbox
                  id={`action-${action.id}`}
                  checked={done.has(action.id)}
                  onChange={(e) => {
                    toggle(action.id, e.target.checked);
                    tick.mutate({ breachId, actionId: action.id, done: e.target.checked });
                  }}
                  className="mt-0.5"
                />
                <Label
                  htmlFor={`action-${action.id}`}
                  className={
                    done.has(action.id)
                      ? "font-normal text-muted-foreground line-through"
                      : "font-normal"
                  }
                >
                  {action.text}
                  {action.link && (
                    <a
                      href={action.link}
                      target="_blank"
                      rel="noreferrer noopener"
                      className="ml-1 inline-flex items-center gap-0.5 text-primary hover:underline"
                    >
                      {new URL(action.link).hostname}
                      <ExternalLink aria-hidden className="size-3" />
                    </a>
                  )}
                </Label>
              </li>
            ))}
          </ul>
        </CardContent>
      </Card>
      <div className="print:hidden">
        <Button variant="ghost" onClick={remove}>
          {t("delete")}
        </Button>
      </div>
    </div>
  );
}
