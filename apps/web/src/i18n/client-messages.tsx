import { NextIntlClientProvider } from "next-intl";
import type { Messages } from "next-intl";
import { getLocale, getMessages } from "next-intl/server";

/**
 * What every client part may use without listing it: the shared words (Common) and those of the
 * shared form parts (Forms: the error summary, the password field), which sit in many pages.
 */
const everywhere = ["Common", "Forms"] as const satisfies readonly (keyof Messages)[];

/**
 * The message provider for client components, with only the namespaces they use (the whole
 * catalogue would ride along in every page's payload). Server Components use getTranslations.
 */
export async function ClientMessages({
  namespaces,
  children,
}: {
  namespaces: readonly (keyof Messages)[];
  children: React.ReactNode;
}) {
  const [locale, messages] = await Promise.all([getLocale(), getMessages()]);
  const picked = Object.fromEntries(
    [...everywhere, ...namespaces].map((name) => [name, messages[name]]),
  );
  return (
    <NextIntlClientProvider locale={locale} messages={picked}>
      {children}
    </NextIntlClientProvider>
  );
}
