import type { CoreNamespace } from "@caseward/core";
import { getLocale, getMessages, getTimeZone } from "next-intl/server";

import { MessagesProvider } from "./messages-provider";
import { pick } from "./pick-messages";

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
   * the signed-in frame, the dashboard), which otherwise carries the whole catalogue. A name
   * with a dot gives one key of a namespace (`"Vocabulary.channelKind"`: that group only; the
   * dashboard's `"CaseDialogs.openCase"`, whose form brings the rest when it is opened).
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
