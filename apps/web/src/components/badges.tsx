import type { CaseStatus, ChannelStatus, PrivacyRating } from "@caseward/core/schemas";
import { Badge } from "@caseward/ui";
import { useTranslations } from "next-intl";

// Server and client components both show these: a client one needs "Vocabulary" and "Badges"
// in its messages (ClientMessages).

const caseStatusVariant = {
  open: "info",
  awaiting_company: "neutral",
  awaiting_me: "warning",
  escalation_due: "danger",
  resolved: "success",
  abandoned: "outline",
} as const satisfies Record<CaseStatus, string>;

export function CaseStatusBadge({ status }: { status: CaseStatus }) {
  const t = useTranslations("Vocabulary");
  return <Badge variant={caseStatusVariant[status]}>{t(`caseStatus.${status}`)}</Badge>;
}

const channelStatusVariant = {
  verified: "success",
  unverified: "neutral",
  suspicious: "danger",
} as const satisfies Record<ChannelStatus, string>;

export function ChannelStatusBadge({ status }: { status: ChannelStatus }) {
  const t = useTranslations("Vocabulary");
  return <Badge variant={channelStatusVariant[status]}>{t(`channelStatus.${status}`)}</Badge>;
}

const privacyGradeVariant = {
  good: "success",
  fair: "warning",
  poor: "danger",
  unknown: "neutral",
} as const satisfies Record<PrivacyRating["grade"], string>;

export function PrivacyGradeBadge({ rating }: { rating: PrivacyRating }) {
  const t = useTranslations("Badges");
  return (
    <Badge variant={privacyGradeVariant[rating.grade]}>
      {rating.grade === "unknown"
        ? t("privacyUnknown")
        : t("privacyGraded", { grade: rating.grade, score: rating.score })}
    </Badge>
  );
}
