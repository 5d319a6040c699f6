import { caseStatusLabels, channelStatusLabels } from "@caseward/core/schemas";
import type { CaseStatus, ChannelStatus, PrivacyRating } from "@caseward/core/schemas";
import { Badge } from "@caseward/ui";

const caseStatusVariant = {
  open: "info",
  awaiting_company: "neutral",
  awaiting_me: "warning",
  escalation_due: "danger",
  resolved: "success",
  abandoned: "outline",
} as const satisfies Record<CaseStatus, string>;

export function CaseStatusBadge({ status }: { status: CaseStatus }) {
  return <Badge variant={caseStatusVariant[status]}>{caseStatusLabels[status]}</Badge>;
}

const channelStatusVariant = {
  verified: "success",
  unverified: "neutral",
  suspicious: "danger",
} as const satisfies Record<ChannelStatus, string>;

export function ChannelStatusBadge({ status }: { status: ChannelStatus }) {
  return <Badge variant={channelStatusVariant[status]}>{channelStatusLabels[status]}</Badge>;
}

const privacyGradeVariant = {
  good: "success",
  fair: "warning",
  poor: "danger",
  unknown: "neutral",
} as const satisfies Record<PrivacyRating["grade"], string>;

const privacyGradeLabels: Record<PrivacyRating["grade"], string> = {
  good: "Privacy: good",
  fair: "Privacy: fair",
  poor: "Privacy: poor",
  unknown: "Privacy: not rated yet",
};

export function PrivacyGradeBadge({ rating }: { rating: PrivacyRating }) {
  return (
    <Badge variant={privacyGradeVariant[rating.grade]}>
      {privacyGradeLabels[rating.grade]}
      {rating.grade !== "unknown" && ` · ${rating.score}/100`}
    </Badge>
  );
}
