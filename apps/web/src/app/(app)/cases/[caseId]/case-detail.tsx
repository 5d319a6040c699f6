"use client";

import {
  casePriorityLabels,
  closedStatuses,
  countOf,
  statusOnReopen,
} from "@caseward/core/schemas";
import {
  Alert,
  Badge,
  Button,
  Card,
  CardContent,
  CardDescription,
  CardHeader,
  CardTitle,
  Dialog,
  DialogContent,
  DialogTrigger,
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuTrigger,
  PageHeader,
} from "@caseward/ui";
import { useMutation, useQuery, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import {
  CircleCheck,
  CircleSlash,
  Ellipsis,
  FileText,
  History,
  Pencil,
  PhoneCall,
  RotateCcw,
  ShieldCheck,
  Trash2,
} from "lucide-react";
import dynamic from "next/dynamic";
import Link from "next/link";
import { useEffect, useState } from "react";

import { CaseStatusBadge } from "~/components/badges";
import { CaseDeadlines } from "~/components/case-deadlines";
import { CaseEmails } from "~/components/case-emails";
import { CaseInboundAddress } from "~/components/case-inbound-address";
import { LazyContactForm, usePreloadedContactForm } from "~/components/contact-form-lazy";
import { ContactTimeline } from "~/components/contact-timeline";
import { EmailDrop } from "~/components/email-drop";
import { QuestionList } from "~/components/question-list";
import { useTRPC } from "~/trpc/react";
import type { CaseDialog } from "./case-dialogs";

// The case's dialogs (resolve, give up, reopen, edit, delete) show only when asked for: out of
// the first load, fetched once the page is idle.
const loadCaseDialogs = () => import("./case-dialogs");
const CaseDialogContent = dynamic(
  () => import("./case-dialogs").then((module) => module.CaseDialogContent),
  { ssr: false },
);
import { CaseStatusLine } from "./case-status-line";

export function CaseDetail({ caseId }: { caseId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  // Refreshed every minute: the countdowns run in business time, computed on the server.
  const { data: found } = useSuspenseQuery({
    ...trpc.case.byId.queryOptions({ caseId }),
    refetchInterval: 60_000,
  });
  const suggested = found.channels.find((c) => c.id === found.suggestedChannelId) ?? null;
  const [logging, setLogging] = useState(false);
  const [dialog, setDialog] = useState<CaseDialog | null>(null);
  usePreloadedContactForm();
  useEffect(() => {
    void loadCaseDialogs();
  }, []);
  const { data: checklist } = useQuery(
    trpc.privacy.checklist.queryOptions({ companyId: found.company.id }),
  );
  const refresh = () =>
    queryClient.invalidateQueries({ queryKey: trpc.case.byId.queryKey({ caseId }) });
  const clearFlag = useMutation(trpc.privacy.clearCaseFlag.mutationOptions({ onSuccess: refresh }));
  const flags = found.contacts.flatMap((c) => c.redFlags);
  const closed = closedStatuses.includes(found.status);
  const dialogCase = {
    ...found,
    contactCount: found.contacts.length,
    fileCount: found.contacts.reduce((n, c) => n + c.attachments.length, 0),
    reopensAs: statusOnReopen(found.contacts[0] ?? null),
  };

  return (
    <div className="space-y-6">
      <PageHeader
        title={found.title}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <Link
              href={`/companies/${found.company.id}`}
              className="font-medium text-foreground hover:underline"
            >
              {found.company.name}
            </Link>
            <CaseStatusBadge status={found.status} />
            <Badge variant="outline">{casePriorityLabels[found.priority]} priority</Badge>
            {checklist?.needsReview && (
              <Link
                href={`/companies/${found.company.id}/privacy`}
                className="inline-flex items-center gap-1 text-xs text-warning hover:underline"
              >
                <ShieldCheck aria-hidden className="size-3.5" /> Review its privacy checklist
              </Link>
            )}
          </span>
        }
        actions={
          <>
            <Button variant="ghost" asChild>
              <Link href={`/cases/${found.id}/evidence`}>
                <FileText aria-hidden className="size-4" /> Evidence pack
              </Link>
            </Button>
            <Dialog open={logging} onOpenChange={setLogging}>
              <DialogTrigger asChild>
                <Button variant="secondary">
                  <History aria-hidden className="size-4" /> Log a past contact
                </Button>
              </DialogTrigger>
              <DialogContent
                title="Log a past contact"
                description="Note who you spoke to, when, and the reference number."
              >
                <LazyContactForm
                  caseId={found.id}
                  channels={found.channels}
                  onSaved={() => setLogging(false)}
                />
              </DialogContent>
            </Dialog>
            <Button asChild>
              <Link href={`/cases/${found.id}/session`}>
                <PhoneCall aria-hidden className="size-4" /> Start a contact session
              </Link>
            </Button>
            <DropdownMenu>
              <DropdownMenuTrigger asChild>
                <Button variant="ghost" size="icon" aria-label="More about this case">
                  <Ellipsis aria-hidden className="size-4" />
                </Button>
              </DropdownMenuTrigger>
              <DropdownMenuContent align="end">
                <DropdownMenuItem onSelect={() => setDialog("edit")}>
                  <Pencil aria-hidden /> Edit the case
                </DropdownMenuItem>
                {closed ? (
                  <DropdownMenuItem onSelect={() => setDialog("reopen")}>
                    <RotateCcw aria-hidden /> Reopen
                  </DropdownMenuItem>
                ) : (
                  <>
                    <DropdownMenuItem onSelect={() => setDialog("resolve")}>
                      <CircleCheck aria-hidden /> Resolve
                    </DropdownMenuItem>
                    <DropdownMenuItem onSelect={() => setDialog("abandon")}>
                      <CircleSlash aria-hidden /> Give up
                    </DropdownMenuItem>
                  </>
                )}
                <DropdownMenuItem variant="danger" onSelect={() => setDialog("delete")}>
                  <Trash2 aria-hidden /> Delete the case
                </DropdownMenuItem>
              </DropdownMenuContent>
            </DropdownMenu>
          </>
        }
      />
      <CaseStatusLine
        found={{ ...found, suggested }}
        onLogContact={() => setLogging(true)}
        onOpen={setDialog}
      />
      <Dialog open={dialog !== null} onOpenChange={(open) => !open && setDialog(null)}>
        {dialog && (
          <CaseDialogContent dialog={dialog} found={dialogCase} onDone={() => setDialog(null)} />
        )}
      </Dialog>
      {found.flaggedAt && (
        <Alert variant="danger" title="Warning signs in this case">
          <p>
            {countOf(flags.length, "warning sign")} in its contacts (see the timeline). Reach{" "}
            {found.company.name} only on a channel you verified, and give nothing on a contact you
            did not start.
          </p>
          <Button
            variant="outline"
            size="sm"
            className="mt-2"
            loading={clearFlag.isPending}
            onClick={() => clearFlag.mutate({ caseId: found.id })}
          >
            I dealt with it
          </Button>
        </Alert>
      )}
      {found.description && (
        <p className="max-w-prose text-sm whitespace-pre-wrap text-muted-foreground">
          {found.description}
        </p>
      )}
      <CaseDeadlines
        caseId={found.id}
        deadlines={found.deadlines}
        responseWindowDays={found.responseWindowDays}
      />
      <CaseInboundAddress caseId={found.id} />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-[2fr_3fr]">
        <Card id="questions" className="self-start scroll-mt-20">
          <CardHeader>
            <CardTitle>Questions to ask</CardTitle>
            <CardDescription>
              Numbered by priority. Open “need” questions come with you to every contact.
            </CardDescription>
          </CardHeader>
          <CardContent>
            <QuestionList caseId={found.id} questions={found.questions} />
          </CardContent>
        </Card>
        <div className="space-y-4">
          <CaseEmails emails={found.notifications} />
          <ContactTimeline
            caseId={found.id}
            channels={found.channels}
            contacts={found.contacts}
            questions={found.questions}
            privacy={{
              companyId: found.company.id,
              companyName: found.company.name,
              country: found.country,
              willingToShare: found.company.willingToShare,
              checklist: checklist?.answers,
            }}
            onChange={refresh}
          />
          <EmailDrop caseId={found.id} onFiled={refresh} />
        </div>
      </div>
    </div>
  );
}
