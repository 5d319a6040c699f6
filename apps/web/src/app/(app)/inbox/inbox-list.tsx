"use client";

import type { InboxEntry } from "@caseward/core";
import {
  Alert,
  Badge,
  Button,
  Card,
  CardContent,
  EmptyState,
  Field,
  Input,
  NativeSelect,
  PageHeader,
} from "@caseward/ui";
import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { FolderInput, Mail, Plus, Trash2, TriangleAlert } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";

import { useTranslations } from "~/i18n/translations";
import { useClock } from "~/lib/time";
import { useTRPC } from "~/trpc/react";

type OpenCase = { id: string; title: string; companyId: string; companyName: string };

/** Emails that came in but were not filed on their own: file, open a case, or discard. */
export function InboxList() {
  const t = useTranslations("Inbox");
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.inbox.list.queryOptions());
  const { data: companies } = useSuspenseQuery(trpc.company.list.queryOptions());
  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} description={t("lead")} />
      {data.entries.length === 0 ? (
        <EmptyState
          icon={<Mail aria-hidden className="size-6" />}
          title={t("emptyTitle")}
          description={t("emptyLead")}
        />
      ) : (
        <ul className="space-y-4" aria-label={t("listLabel")}>
          {data.entries.map((entry) => (
            <li key={entry.id}>
              <InboxItem
                entry={entry}
                openCases={data.openCases}
                companies={companies.map((c) => ({ id: c.id, name: c.name }))}
              />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The cases to file into: those of the suggested company first, then every other open case. */
function caseChoices(entry: InboxEntry, openCases: OpenCase[]) {
  const suggested = new Set(entry.suggestedCases.map((c) => c.id));
  return [
    ...openCases.filter((c) => suggested.has(c.id)),
    ...openCases.filter((c) => !suggested.has(c.id)),
  ];
}

function InboxItem({
  entry,
  openCases,
  companies,
}: {
  entry: InboxEntry;
  openCases: OpenCase[];
  companies: { id: string; name: string }[];
}) {
  const t = useTranslations("Inbox");
  const clock = useClock();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const choices = caseChoices(entry, openCases);
  const [caseId, setCaseId] = useState(choices[0]?.id ?? "");
  const [opening, setOpening] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const done = async () => {
    // The navigation's count is drawn by the layout on the server.
    await queryClient.invalidateQueries();
    router.refresh();
  };
  const onError = (e: { message: string }) => setError(e.message);
  const file = useMutation(
    trpc.inbox.file.mutationOptions({
      onSuccess: async (filed) => {
        await done();
        if (filed.caseId) router.push(`/cases/${filed.caseId}`);
      },
      onError,
    }),
  );
  const openCase = useMutation(
    trpc.inbox.openCase.mutationOptions({
      onSuccess: async (filed) => {
        await done();
        if (filed.caseId) router.push(`/cases/${filed.caseId}`);
      },
      onError,
    }),
  );
  const discard = useMutation(trpc.inbox.discard.mutationOptions({ onSuccess: done, onError }));
  const when = entry.sentAt ?? entry.receivedAt;
  const idFor = (name: string) => `inbox-${entry.id}-${name}`;
  const titled = entry.subject ?? t("noSubject");
  const warned = entry.reason === "unknown_sender" || entry.reason === "unconfirmed_sender";

  return (
    <Card aria-labelledby={idFor("subject")}>
      <CardContent className="space-y-4 pt-6">
        <div className="flex flex-wrap items-start justify-between gap-2">
          <div className="min-w-0 space-y-1">
            <h2 id={idFor("subject")} className="font-medium break-words">
              {titled}
            </h2>
            <p className="text-sm break-all text-muted-foreground">
              {entry.fromAddress ?? t("unknownSender")}
            </p>
            <p className="text-sm text-muted-foreground">
              <time dateTime={new Date(when).toISOString()}>{clock.dateTime(new Date(when))}</time>
            </p>
          </div>
          {/* A long reason wraps on a phone instead of running out of the card. */}
          <Badge variant={warned ? "outline" : "neutral"} className="max-w-full whitespace-normal">
            {warned && <TriangleAlert aria-hidden />}
            {entry.reason && t(`reason.${entry.reason}`)}
          </Badge>
        </div>
        {entry.reason === "unconfirmed_sender" && (
          <p className="text-sm">{t("unconfirmedSenderHelp")}</p>
        )}
        {error && <Alert variant="danger">{error}</Alert>}
        {entry.reason !== "unreadable" &&
          (choices.length > 0 ? (
            <form
              className="flex flex-col gap-2 sm:flex-row sm:items-end"
              onSubmit={(event) => {
                event.preventDefault();
                setError(null);
                file.mutate({ inboundMessageId: entry.id, caseId });
              }}
            >
              <Field label={t("fileInto")} htmlFor={idFor("case")} className="min-w-0 flex-1">
                <NativeSelect
                  id={idFor("case")}
                  value={caseId}
                  onChange={(event) => setCaseId(event.target.value)}
                >
                  {choices.map((c) => (
                    <option key={c.id} value={c.id}>
                      {t("caseOption", { company: c.companyName, title: c.title })}
                      {entry.suggestedCases.some((s) => s.id === c.id) ? t("suggested") : ""}
                    </option>
                  ))}
                </NativeSelect>
              </Field>
              <Button type="submit" loading={file.isPending}>
                <FolderInput aria-hidden className="size-4" /> {t("file")}
              </Button>
            </form>
          ) : (
            <p className="text-sm text-muted-foreground">{t("noOpenCase")}</p>
          ))}
        {opening && entry.reason !== "unreadable" && (
          <OpenCaseFromEmail
            entry={entry}
            companies={companies}
            pending={openCase.isPending}
            idFor={idFor}
            onSubmit={(companyId, title) => {
              setError(null);
              openCase.mutate({ inboundMessageId: entry.id, companyId, title });
            }}
          />
        )}
        <div className="flex flex-wrap gap-2">
          {!opening && entry.reason !== "unreadable" && (
            <Button variant="outline" onClick={() => setOpening(true)}>
              <Plus aria-hidden className="size-4" /> {t("openNew")}
            </Button>
          )}
          <Button
            variant="ghost"
            loading={discard.isPending}
            onClick={() => {
              setError(null);
              discard.mutate({ inboundMessageId: entry.id });
            }}
            aria-label={t("discardLabel", { subject: titled })}
          >
            <Trash2 aria-hidden className="size-4" /> {t("discard")}
          </Button>
        </div>
      </CardContent>
    </Card>
  );
}

function OpenCaseFromEmail({
  entry,
  companies,
  pending,
  idFor,
  onSubmit,
}: {
  entry: InboxEntry;
  companies: { id: string; name: string }[];
  pending: boolean;
  idFor: (name: string) => string;
  onSubmit: (companyId: string, title: string) => void;
}) {
  const t = useTranslations("Inbox");
  const [companyId, setCompanyId] = useState(entry.suggestedCompanyId ?? "");
  const [title, setTitle] = useState(entry.subject ?? "");
  if (companies.length === 0) {
    return (
      <p className="text-sm text-muted-foreground">
        {t.rich("addCompanyFirst", {
          link: (chunks) => (
            <Link href="/companies" className="underline">
              {chunks}
            </Link>
          ),
        })}
      </p>
    );
  }
  return (
    <form
      className="grid gap-3 rounded-md border p-3 sm:grid-cols-2"
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit(companyId, title);
      }}
    >
      <Field label={t("company")} htmlFor={idFor("company")}>
        <NativeSelect
          id={idFor("company")}
          value={companyId}
          onChange={(event) => setCompanyId(event.target.value)}
        >
          <option value="" disabled>
            {t("chooseCompany")}
          </option>
          {companies.map((company) => (
            <option key={company.id} value={company.id}>
              {company.name}
            </option>
          ))}
        </NativeSelect>
      </Field>
      <Field label={t("caseTitle")} htmlFor={idFor("title")}>
        <Input
          id={idFor("title")}
          value={title}
          maxLength={200}
          onChange={(event) => setTitle(event.target.value)}
        />
      </Field>
      <div className="sm:col-span-2">
        <Button type="submit" loading={pending}>
          {t("openAndFile")}
        </Button>
      </div>
    </form>
  );
}
