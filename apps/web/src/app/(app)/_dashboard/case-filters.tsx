"use client";

import type { CaseListFilters } from "@caseward/core";
import { Input, NativeSelect, Spinner } from "@caseward/ui";
import { Search } from "lucide-react";
import { useEffect, useState } from "react";

import { useTranslations } from "~/i18n/translations";

/** A select's choice, its label written on the server in the user's language. */
export interface Option {
  value: string;
  label: string;
}

// Long enough to finish a word, short enough to feel live.
const typingPause = 300;

/**
 * Search box and filters. Every change goes to `onChange` (which puts it in the URL); the
 * search waits until typing pauses. The box follows the URL when something else changes it.
 */
export function CaseFilters({
  filters,
  companies,
  statuses,
  priorities,
  onChange,
  pending,
}: {
  filters: CaseListFilters;
  companies: { id: string; name: string }[];
  statuses: Option[];
  priorities: Option[];
  onChange: (filters: CaseListFilters) => void;
  pending: boolean;
}) {
  const t = useTranslations("DashboardFilters");
  const urlQ = filters.q ?? "";
  const [text, setText] = useState(urlQ);
  // The search last sent, and the one last seen in the URL: when the URL changes to something
  // we did not send (Clear filters, back button, the Cases link), the box shows it.
  const [sent, setSent] = useState(urlQ);
  const [seen, setSeen] = useState(urlQ);
  if (urlQ !== seen) {
    setSeen(urlQ);
    if (urlQ !== sent) {
      setSent(urlQ);
      setText(urlQ);
    }
  }

  const change = (next: Partial<CaseListFilters>) => {
    const q = (next.q ?? text).trim();
    setSent(q);
    onChange({ ...filters, ...next, q: q || undefined });
  };

  useEffect(() => {
    const q = text.trim();
    if (q === sent) return;
    const timer = setTimeout(() => {
      setSent(q);
      onChange({ ...filters, q: q || undefined });
    }, typingPause);
    return () => clearTimeout(timer);
  }, [text, sent, filters, onChange]);

  return (
    <form
      role="search"
      aria-label={t("label")}
      onSubmit={(event) => {
        event.preventDefault();
        change({});
      }}
      className="grid grid-cols-2 gap-2 lg:grid-cols-[minmax(0,1fr)_minmax(0,15rem)_repeat(2,minmax(0,12rem))]"
    >
      <div className="relative col-span-2 lg:col-span-1">
        <span className="pointer-events-none absolute top-1/2 left-3 -translate-y-1/2 text-muted-foreground">
          {pending ? <Spinner label={t("updating")} /> : <Search aria-hidden className="size-4" />}
        </span>
        <Input
          type="search"
          name="q"
          aria-label={t("search")}
          placeholder={t("searchPlaceholder")}
          autoComplete="off"
          enterKeyHint="search"
          maxLength={200}
          value={text}
          onChange={(event) => setText(event.target.value)}
          className="pl-9"
        />
      </div>
      <NativeSelect
        aria-label={t("company")}
        wrapperClassName="col-span-2 lg:col-span-1"
        value={filters.companyId ?? ""}
        onChange={(event) => change({ companyId: event.target.value || undefined })}
      >
        <option value="">{t("allCompanies")}</option>
        {companies.map((company) => (
          <option key={company.id} value={company.id}>
            {company.name}
          </option>
        ))}
      </NativeSelect>
      <NativeSelect
        aria-label={t("status")}
        value={filters.status ?? ""}
        onChange={(event) =>
          change({ status: (event.target.value || undefined) as CaseListFilters["status"] })
        }
      >
        <option value="">{t("anyStatus")}</option>
        {statuses.map(({ value, label }) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </NativeSelect>
      <NativeSelect
        aria-label={t("priority")}
        value={filters.priority ?? ""}
        onChange={(event) =>
          change({ priority: (event.target.value || undefined) as CaseListFilters["priority"] })
        }
      >
        <option value="">{t("anyPriority")}</option>
        {priorities.map(({ value, label }) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </NativeSelect>
    </form>
  );
}
