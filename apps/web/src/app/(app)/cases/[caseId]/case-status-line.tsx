"use client";

import type { CaseStatus, ChannelKind, ChannelStatus, Provenance } from "@caseward/core/schemas";
import { channelKindLabels, provenanceFoundLabels } from "@caseward/core/schemas";
import { Alert, Button } from "@caseward/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { History, PhoneCall, RotateCcw } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";

import { ChannelValue } from "~/components/channel-value";
import { serverMessage } from "~/lib/form";
import { useClock } from "~/lib/time";
import { useTRPC } from "~/trpc/react";
import type { CaseDialog } from "./case-dialogs";

interface StatusLineCase {
  id: string;
  status: CaseStatus;
  closedAt: Date | null;
  closingNote: string | null;
  satisfaction: number | null;
  company: { id: string; name: string };
  suggested: {
    kind: ChannelKind;
    value: string;
    status: ChannelStatus;
    provenance: Provenance;
  } | null;
}

const satisfactionWords = ["not at all", "a little", "somewhat", "mostly", "very"];

/**
 * Where the case stands, in a sentence, and the next sensible thing to do about it: the first
 * button is the likeliest (answered, the next channel up, a contact, or reopening).
 */
export function CaseStatusLine({
  found,
  onLogContact,
  onOpen,
}: {
  found: StatusLineCase;
  onLogContact: () => void;
  onOpen: (dialog: CaseDialog) => void;
}) {
  const trpc = useTRPC();
  const clock = useClock();
  const queryClient = useQueryClient();
  const answered = useMutation(
    trpc.case.markAnswered.mutationOptions({ onSuccess: () => queryClient.invalidateQueries() }),
  );
  const company = found.company.name;
  const session = (label: string) => (
    <Button asChild>
      <Link href={`/cases/${found.id}/session`}>
        <PhoneCall aria-hidden className="size-4" /> {label}
      </Link>
    </Button>
  );
  const theyAnswered = (variant: "primary" | "outline") => (
    <Button
      variant={variant}
      loading={answered.isPending}
      onClick={() => answered.mutate({ caseId: found.id })}
    >
      They answered
    </Button>
  );
  const logContact = (variant: "primary" | "outline") => (
    <Button variant={variant} onClick={onLogContact}>
      <History aria-hidden className="size-4" /> Log a contact
    </Button>
  );
  const resolve = (variant: "primary" | "outline" | "ghost") => (
    <Button variant={variant} onClick={() => onOpen("resolve")}>
      Resolve
    </Button>
  );
  const giveUp = (
    <Button variant="ghost" onClick={() => onOpen("abandon")}>
      Give up
    </Button>
  );
  const reopen = (
    <Button variant="outline" onClick={() => onOpen("reopen")}>
      <RotateCcw aria-hidden className="size-4" /> Reopen
    </Button>
  );

  let line: { title: ReactNode; text?: ReactNode; actions: ReactNode };
  switch (found.status) {
    case "open":
      line = {
        title: "Nothing is awaited yet",
        text: `Contact ${company} on a channel you verified, and keep the contact here: Caseward keeps time for you.`,
        actions: (
          <>
            {session(`Contact ${company} now`)}
            {logContact("outline")}
            {resolve("ghost")}
            {giveUp}
          </>
        ),
      };
      break;
    case "awaiting_company":
      line = {
        title: `Waiting for ${company} to answer`,
        text: "When they answer, say so here (or log their answer); if they stay quiet, Caseward tells you where to go next.",
        actions: (
          <>
            {theyAnswered("primary")}
            {logContact("outline")}
            {resolve("ghost")}
            {giveUp}
          </>
        ),
      };
      break;
    case "awaiting_me":
      line = {
        title: `${company} answered: the next move is yours`,
        text: "Log what you do next, or resolve the case if the problem is solved.",
        actions: (
          <>
            {logContact("primary")}
            {resolve("outline")}
            {giveUp}
          </>
        ),
      };
      break;
    case "escalation_due":
      line = {
        title: `${company} has gone quiet: time for a more direct channel`,
        text: found.suggested ? (
          <>
            Next step up your ladder: <strong>{channelKindLabels[found.suggested.kind]}</strong>{" "}
            <ChannelValue channel={found.suggested} /> (
            {provenanceFoundLabels[found.suggested.provenance].toLowerCase()}).
          </>
        ) : (
          <>
            No verified channel above the last one: verify a channel first, with the number or
            address on a bill, a statement, your card or the official website.
          </>
        ),
        actions: (
          <>
            {found.suggested ? (
              session(`Contact them by ${channelKindLabels[found.suggested.kind].toLowerCase()}`)
            ) : (
              <Button asChild>
                <Link href={`/companies/${found.company.id}`}>Verify a channel</Link>
              </Button>
            )}
            {theyAnswered("outline")}
            {logContact("outline")}
            {giveUp}
          </>
        ),
      };
      break;
    case "resolved":
      line = {
        title: found.closedAt ? `Resolved on ${clock.dateTime(found.closedAt)}` : "Resolved",
        text: <ClosingNote found={found} />,
        actions: (
          <>
            {reopen}
            {!found.closingNote && resolve("ghost")}
          </>
        ),
      };
      break;
    case "abandoned":
      line = {
        title: found.closedAt ? `You gave up on ${clock.dateTime(found.closedAt)}` : "Given up",
        text: <ClosingNote found={found} />,
        actions: reopen,
      };
      break;
  }

  const actions = (
    <>
      <div className="mt-3 flex flex-wrap gap-2">{line.actions}</div>
      {answered.isError && (
        <p role="alert" className="mt-2 text-sm text-danger">
          {serverMessage(answered.error)}
        </p>
      )}
    </>
  );
  return (
    <section aria-label="Where the case stands">
      {found.status === "escalation_due" ? (
        <>
          <Alert variant="warning" title={line.title}>
            {line.text}
          </Alert>
          {actions}
        </>
      ) : (
        <div className="rounded-lg border border-border bg-card p-4 text-sm">
          <p className="leading-snug font-medium">{line.title}</p>
          {line.text && <div className="mt-1 text-muted-foreground">{line.text}</div>}
          {actions}
        </div>
      )}
    </section>
  );
}

function ClosingNote({ found }: { found: StatusLineCase }) {
  if (!found.closingNote && found.satisfaction === null) {
    return found.status === "resolved"
      ? "Its last contact said so. Say in a line how it ended, for when you look back."
      : null;
  }
  return (
    <>
      {found.closingNote && <span className="block text-foreground">“{found.closingNote}”</span>}
      {found.satisfaction !== null && (
        <span className="block">
          Satisfied: {satisfactionWords[found.satisfaction - 1]} ({found.satisfaction} of 5)
        </span>
      )}
    </>
  );
}
