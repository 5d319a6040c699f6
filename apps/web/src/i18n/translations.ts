import { useLocale, useMessages, useTranslations as useNextIntlTranslations } from "next-intl";
import type { ReactNode } from "react";
import { useMemo } from "react";

import { lightFormat } from "./light-format";

type Translator = ReturnType<typeof useNextIntlTranslations>;

/** The message at a dotted path, if it is one. */
function messageAt(messages: unknown, path: string): string | undefined {
  let node = messages;
  for (const step of path.split(".")) {
    if (typeof node !== "object" || node === null) return undefined;
    node = (node as Record<string, unknown>)[step];
  }
  return typeof node === "string" ? node : undefined;
}

/**
 * next-intl's translator, except that a message with values is written by `lightFormat` when it
 * can be (no `Intl`, so no ICU data loaded while the page hydrates: ./light-format.ts); anything
 * else, and every error, is next-intl's as before.
 */
export function lightTranslator(
  base: Translator,
  messages: unknown,
  namespace: string | undefined,
  locale: string,
): Translator {
  const find = (key: string) => messageAt(messages, namespace ? `${namespace}.${key}` : key);
  const light = (key: string, values: unknown, formats: unknown) => {
    if (!values || formats !== undefined) return undefined;
    const message = find(key);
    return message === undefined
      ? undefined
      : lightFormat(message, values as Record<string, unknown>, locale);
  };
  const t = ((key: string, values?: unknown, formats?: unknown) => {
    const written = light(key, values, formats);
    return typeof written === "string"
      ? written
      : (base as (...args: unknown[]) => string)(key, values, formats);
  }) as Translator;
  t.rich = ((key: string, values?: unknown, formats?: unknown) => {
    const written = light(key, values, formats);
    return written !== undefined
      ? (written as ReactNode)
      : (base.rich as (...args: unknown[]) => ReactNode)(key, values, formats);
  }) as Translator["rich"];
  // next-intl's own, called on it (whatever they read from `this`).
  const own = base as unknown as Record<"markup" | "raw" | "has", (...args: unknown[]) => never>;
  t.markup = (...args: unknown[]) => own.markup(...args);
  t.raw = (...args: unknown[]) => own.raw(...args);
  t.has = (...args: unknown[]) => own.has(...args);
  return t;
}

/**
 * `useTranslations` of client components: next-intl's, with messages that have values written
 * without ICU where they can be (`lightTranslator`). Same keys, types and results.
 */
export const useTranslations = ((namespace?: string) => {
  const base = useNextIntlTranslations(namespace as never) as Translator;
  const messages = useMessages();
  const locale = useLocale();
  return useMemo(
    () => lightTranslator(base, messages, namespace, locale),
    [base, messages, namespace, locale],
  );
}) as typeof useNextIntlTranslations;
