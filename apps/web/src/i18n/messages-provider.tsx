"use client";

import { NextIntlClientProvider } from "next-intl";
import type { ComponentProps, ReactNode } from "react";
import { createContext, useContext, useMemo } from "react";

type Messages = Record<string, unknown>;

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
  const outer = useContext(OuterMessages);
  const merged = useMemo(() => {
    const inner = JSON.parse(messages) as Messages;
    const all: Messages = { ...outer };
    // A namespace both give (some of its keys each) keeps the keys of both.
    for (const [name, words] of Object.entries(inner)) {
      all[name] = name in outer ? { ...(outer[name] as object), ...(words as object) } : words;
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
