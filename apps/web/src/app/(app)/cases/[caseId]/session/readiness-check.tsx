"use client";

import type { ReadinessItem } from "@caseward/core/schemas";
import { cn } from "@caseward/ui";
import { CircleAlert, CircleCheck } from "lucide-react";
import Link from "next/link";

import { useTranslations } from "~/i18n/translations";

/** Before the contact: what makes it safe, each item linking to where it is fixed. Never blocks. */
export function ReadinessCheck({ items }: { items: ReadinessItem[] }) {
  const t = useTranslations("ContactSession");
  const ready = items.filter((item) => item.ready).length;
  return (
    <details
      open={ready < items.length}
      className="rounded-lg border border-border bg-card p-4"
      aria-label={t("readiness")}
    >
      <summary className="cursor-pointer text-sm font-medium">
        {t("readinessSummary", { ready, total: items.length })}
      </summary>
      <ul className="mt-3 grid gap-2 sm:grid-cols-2">
        {items.map((item) => {
          const Icon = item.ready ? CircleCheck : CircleAlert;
          const inPage = item.href.startsWith("#");
          return (
            <li key={item.id} className="flex items-start gap-2 text-sm" data-ready={item.ready}>
              <Icon
                aria-label={item.ready ? t("checkDone") : t("checkToDo")}
                className={cn(
                  "mt-0.5 size-4 shrink-0",
                  item.ready ? "text-success" : "text-warning",
                )}
              />
              {item.ready ? (
                <span>{item.text}</span>
              ) : inPage ? (
                <a href={item.href} className="hover:underline">
                  {item.text}
                </a>
              ) : (
                <Link href={item.href} className="hover:underline" target="_blank">
                  {item.text}
                </Link>
              )}
            </li>
          );
        })}
      </ul>
    </details>
  );
}
