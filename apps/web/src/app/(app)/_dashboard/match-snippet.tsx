import type { CaseMatch } from "@caseward/core";
import type { getTranslations } from "next-intl/server";

// The marks `matchSnippet` in @caseward/core puts around a hit (`snippetMarks`): plain text,
// so the snippet is rendered as text and never as HTML.
const hitPattern = /«([^«»]*)»/g;

/** Where a searched case matched, with the matched words highlighted. */
export function MatchSnippet({
  match,
  t,
}: {
  match: CaseMatch;
  t: Awaited<ReturnType<typeof getTranslations<"Dashboard">>>;
}) {
  const parts: React.ReactNode[] = [];
  let last = 0;
  for (const hit of match.snippet.matchAll(hitPattern)) {
    parts.push(match.snippet.slice(last, hit.index));
    parts.push(
      <mark
        key={hit.index}
        className="rounded-sm bg-warning/20 px-0.5 font-medium text-foreground dark:bg-warning/25"
      >
        {hit[1]}
      </mark>,
    );
    last = hit.index + hit[0].length;
  }
  parts.push(match.snippet.slice(last));
  return (
    <p className="line-clamp-2 text-sm text-muted-foreground">
      <span className="font-medium text-foreground/80">
        {t("matchIn", { where: t(`matchWhere.${match.where}`) })}{" "}
      </span>
      {parts}
    </p>
  );
}
