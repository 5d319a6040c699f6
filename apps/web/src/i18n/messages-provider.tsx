"use client";

import { NextIntlClientProvider } from "next-intl";
import type { ComponentProps, ReactNode } from "react";
import { useMemo } from "react";

/**
 * next-intl's client provider, given its messages as one JSON text (`ClientMessages`): React's
 * payload reads an object prop value by value through its reviver (~2,000 strings here, on
 * every page's first load), a text prop as it is; the browser's JSON.parse then reads it at
 * native speed.
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
  const parsed = useMemo(() => JSON.parse(messages) as Record<string, unknown>, [messages]);
  return (
    <NextIntlClientProvider locale={locale} timeZone={timeZone} messages={parsed}>
      {children}
    </NextIntlClientProvider>
  );
}
