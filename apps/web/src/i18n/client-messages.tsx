import type { CoreNamespace } from "@caseward/core";
import { getLocale, getMessages, getTimeZone } from "next-intl/server";

import { MessagesProvider } from "./messages-provider";

/**
 * Core's namespaces that only the server writes (emails, the PDF, the calendar feed): the only
 * words a browser never needs.
 */
const serverOnly: readonly CoreNamespace[] = ["Calendar", "Email", "EmailProblem", "Evidence"];

/**
 * The message provider of client components: every namespace a client part may use, given once
 * by each layout (a layout is not sent again on a navigation inside it). Listing them per page
 * was tried and broke: a nested provider replaces its parent's messages, and a shared dialog or
 * form then showed raw keys on a page that had not listed its namespace. The whole client
 * catalogue is about 14 KB gzipped. Server Components use getTranslations.
 */
export async function ClientMessages({
  children,
  namespaces,
}: {
  children: React.ReactNode;
  /**
   * Only these namespaces: for a layout whose pages' client parts are few and known (sign-in,
   * sign-up, password reset), whose pages otherwise carry the whole catalogue (~88 KB of their
   * ~110 KB of HTML). No provider is nested under a layout's, so none replaces these.
   */
  namespaces?: readonly string[];
}) {
  const [locale, messages, timeZone] = await Promise.all([
    getLocale(),
    getMessages(),
    getTimeZone(),
  ]);
  const client = Object.fromEntries(
    Object.entries(messages).filter(([name]) =>
      namespaces ? namespaces.includes(name) : !(serverOnly as readonly string[]).includes(name),
    ),
  );
  return (
    <MessagesProvider locale={locale} timeZone={timeZone} messages={JSON.stringify(client)}>
      {children}
    </MessagesProvider>
  );
}
