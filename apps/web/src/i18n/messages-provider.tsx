"use client";

import { NextIntlClientProvider, useLocale, useTimeZone } from "next-intl";
import type { ComponentProps, ReactNode } from "react";
import { createContext, useContext, useMemo } from "react";

type Messages = Record<string, unknown>;

const isNamespace = (value: unknown): value is Messages =>
  typeof value === "object" && value !== null;

/** The messages of the providers above: a nested provider adds its namespaces to them. */
const OuterMessages = createContext<Messages>({});

/**
 * next-intl's client provider, given its messages as one JSON text (`ClientMessages`): React's
 * payload reads an object prop value by value through its reviver (~2,000 strings here, on
 * every page's first load), a text prop as it is; the browser's JSON.parse then reads it at
 * native speed. Nested, it keeps the outer provider's namespaces and adds its own, and the keys
 * of a namespace both give (next-intl's provider alone replaces them): the signed-in layout
 * gives the frame's words, a segment or a page those of its own client parts.
 */
export function MessagesProvider({
  locale,
  timeZone,
  messages,
  children,
}: {
  locale: ComponentProps<typeof NextIntlClientProvider>["locale"];
  timeZone: string;
  /** The messages as JSON. */
  messages: string;
  children: ReactNode;
}) {
  const parsed = useMemo(() => JSON.parse(messages) as Messages, [messages]);
  return (
    <AddedMessages locale={locale} timeZone={timeZone} messages={parsed}>
      {children}
    </AddedMessages>
  );
}

/**
 * Words a part loaded in the browser when it was first wanted (the new-case form's), added to
 * those of the providers above. A namespace given in part above (the dialog's title) is
 * completed, not replaced.
 */
export function LoadedMessages({
  messages,
  children,
}: {
  messages: Messages;
  children: ReactNode;
}) {
  return (
    <AddedMessages locale={useLocale()} timeZone={useTimeZone()} messages={messages}>
      {children}
    </AddedMessages>
  );
}

function AddedMessages({
  locale,
  timeZone,
  messages,
  children,
}: {
  locale: ComponentProps<typeof NextIntlClientProvider>["locale"];
  timeZone: ComponentProps<typeof NextIntlClientProvider>["timeZone"];
  messages: Messages;
  children: ReactNode;
}) {
  const outer = useContext(OuterMessages);
  const merged = useMemo(() => {
    const all: Messages = { ...outer };
    for (const [name, words] of Object.entries(messages)) {
      const above = outer[name];
      all[name] = isNamespace(above) && isNamespace(words) ? { ...above, ...words } : words;
    }
    return all;
  }, [outer, messages]);
  return (
    <OuterMessages value={merged}>
      <NextIntlClientProvider locale={locale} timeZone={timeZone} messages={merged}>
        {children}
      </NextIntlClientProvider>
    </OuterMessages>
  );
}
