import type { CaseStatus, ChannelStatus, PrivacyRating } from "@caseward/core/schemas";
import { Badge } from "@caseward/ui";

import { useTranslations } from "~/i18n/translations";

// Server and client components both show these (every layout gives the client its messages).

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
  return <CaseStatusLabel status={status} label={t(`caseStatus.${status}`)} />;
}

/**
 * The same badge, its words read by the caller: a Server Component's list (the dashboard's
 * rows) reads them once, where a `CaseStatusBadge` a row is a part of React's payload of its own.
 */
export function CaseStatusLabel({ status, label }: { status: CaseStatus; label: string }) {
  return <Badge variant={caseStatusVariant[status]}>{label}</Badge>;
}

const channelStatusVariant = {
  verified: "success",
  unverified: "neutral",
  suspicious: "danger",
} as const satisfies Record<ChannelStatus, string>;

export function ChannelStatusBadge({ status }: { status: ChannelStatus }) {
  const t = useTranslations("Vocabulary");
  const label = t(`channelStatus.${status}`);
  return <Badge variant={channelStatusVariant[status]}>{label}</Badge>;
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
    // Longer in French: on a phone it wraps inside its card rather than widen the page.
    <Badge variant={privacyGradeVariant[rating.grade]} className="max-w-full whitespace-normal">
      {rating.grade === "unknown"
        ? t("privacyUnknown")
        : t("privacyGraded", { grade: rating.grade, score: rating.score })}
    </Badge>
  );
}
