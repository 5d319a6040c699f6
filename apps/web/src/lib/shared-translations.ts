import type { Messages } from "next-intl";
import { createTranslator, useMessages, useTranslations } from "next-intl";

import enBadges from "../../messages/en/Badges.json";
import enChannelValue from "../../messages/en/ChannelValue.json";

const english = { Badges: enBadges, ChannelValue: enChannelValue };
type Shared = keyof typeof english;

/**
 * The translations of a small component shown by server and client components alike (badges,
 * a channel's link). A client page whose messages (ClientMessages) leave its namespace out gets
 * the English text rather than a missing-message error.
 */
export function useSharedTranslations<N extends Shared>(namespace: N) {
  const messages = useMessages();
  const t = useTranslations(namespace);
  if (namespace in messages) return t;
  return createTranslator({
    locale: "en",
    messages: english as unknown as Messages,
    namespace,
  });
}

/** Whether the page's messages have the vocabulary (else its English labels are used). */
export function useHasVocabulary() {
  return "Vocabulary" in useMessages();
}
