import type { CoreNamespace } from "@caseward/core";
import { getLocale, getMessages, getTimeZone } from "next-intl/server";

import { MessagesProvider } from "./messages-provider";

/**
 * Core's namespaces that only the server writes (emails, the PDF, the calendar feed): the only
 * words a browser never needs.
 */
const serverOnly: readonly CoreNamespace[] = ["Calendar", "Email", "EmailProblem", "Evidence"];

/**
 * The message provider of client components: the namespaces a client part may use, given once
 * by each layout (a layout is not sent again on a navigation inside it) or by a page. A nested
 * provider adds its namespaces to the outer one's (`MessagesProvider`): the signed-in layout
 * gives the frame's, each segment's layout or page those of its own client parts, checked by
 * `client-namespaces.test.ts`. The whole client catalogue is about 14 KB gzipped (~88 KB of a
 * page's HTML). Server Components use getTranslations.
 */
export async function ClientMessages({
  children,
  namespaces,
  except = [],
}: {
  children: React.ReactNode;
  /**
   * Only these namespaces: for a layout or page whose client parts are few and known (sign-in,
   * the signed-in frame, the dashboard), which otherwise carries the whole catalogue. A
   * "Namespace.key" gives that message alone (the dashboard's new-case button and dialog title,
   * whose form brings the rest of its namespace when it is opened).
   */
  namespaces?: readonly string[];
  /** All client namespaces but these (given by an outer provider already). */
  except?: readonly string[];
}) {
  const [locale, messages, timeZone] = await Promise.all([
    getLocale(),
    getMessages(),
    getTimeZone(),
  ]);
  const client = namespaces
    ? pick(messages, namespaces)
    : Object.fromEntries(
        Object.entries(messages).filter(
          ([name]) => !(serverOnly as readonly string[]).includes(name) && !except.includes(name),
        ),
      );
  return (
    <MessagesProvider locale={locale} timeZone={timeZone} messages={JSON.stringify(client)}>
      {children}
    </MessagesProvider>
  );
}

/** The namespaces, and single messages ("Namespace.key"), named in `names`. */
function pick(messages: Record<string, unknown>, names: readonly string[]) {
  const picked: Record<string, unknown> = {};
  for (const name of names) {
    const [namespace = "", key] = name.split(".");
    const words = messages[namespace];
    if (key === undefined) picked[namespace] = words;
    else if (typeof words === "object" && words !== null) {
      const slice = (picked[namespace] ??= {}) as Record<string, unknown>;
      slice[key] = (words as Record<string, unknown>)[key];
    }
  }
  return picked;
}
