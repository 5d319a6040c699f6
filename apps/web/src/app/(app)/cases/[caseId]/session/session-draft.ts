import type {
  ChannelChoice,
  ContactOutcome,
  DisclosureFields,
  LadderStep,
  RedFlagKind,
} from "@caseward/core/schemas";
import { defaultChannelChoice, parseChannelChoice } from "@caseward/core/schemas";

/** What the contact session holds while it runs (kept in the browser until saved). */
export interface SessionDraft {
  startedAt: string;
  channel: ChannelChoice;
  direction: "outbound" | "inbound";
  representativeName: string;
  representativeId: string;
  representativeDeclinedName: boolean;
  referenceNumber: string;
  notes: string;
  transcript: string;
  promisedFollowUp: string;
  /** As typed in the datetime-local input: a time on the user's clock (their settings zone). */
  followUpDueAt: string;
  outcome: "" | ContactOutcome;
  recorded: boolean;
  answers: QuestionAnswers;
  disclosures: DisclosureFields[];
  redFlags: RedFlagKind[];
}

/** The answers ticked during the session, by question id. */
export type QuestionAnswers = Record<string, { checked: boolean; answer: string }>;

type Ladder = readonly (LadderStep & { isPreferred: boolean })[];

/** A session starting now, on the ladder's default channel. */
export function newSessionDraft(ladder: Ladder): SessionDraft {
  return {
    startedAt: new Date().toISOString(),
    channel: defaultChannelChoice(ladder),
    direction: "outbound",
    representativeName: "",
    representativeId: "",
    representativeDeclinedName: false,
    referenceNumber: "",
    notes: "",
    transcript: "",
    promisedFollowUp: "",
    followUpDueAt: "",
    outcome: "",
    recorded: false,
    answers: {},
    disclosures: [],
    redFlags: [],
  };
}

const blank = (value: string) => (value.trim() === "" ? undefined : value);

/**
 * The draft as the contact to log (checked by `logContactInput` before it is sent); the promised
 * time is read by `readTime`, on the user's clock (the page's `useClock().fromInput`).
 */
export function contactOfDraft(
  caseId: string,
  draft: SessionDraft,
  ladder: Ladder,
  readTime: (value: string) => Date | undefined,
) {
  const { channelId, channelKind } = parseChannelChoice(draft.channel, ladder);
  return {
    caseId,
    channelId,
    channelKind,
    direction: draft.direction,
    startedAt: new Date(draft.startedAt),
    endedAt: new Date(),
    representativeName: blank(draft.representativeName),
    representativeId: blank(draft.representativeId),
    representativeDeclinedName: draft.representativeDeclinedName,
    referenceNumber: blank(draft.referenceNumber),
    notes: blank(draft.notes),
    transcript: blank(draft.transcript),
    promisedFollowUp: blank(draft.promisedFollowUp),
    followUpDueAt: readTime(draft.followUpDueAt),
    outcome: draft.outcome || undefined,
    recorded: draft.recorded,
    answers: Object.entries(draft.answers)
      .filter(([, a]) => a.checked)
      .map(([questionId, a]) => ({ questionId, answer: a.answer })),
    disclosures: draft.disclosures,
    redFlags: draft.redFlags,
  };
}
