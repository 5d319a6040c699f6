import { NextIntlClientProvider } from "next-intl";
import type { Messages } from "next-intl";
import { getLocale, getMessages } from "next-intl/server";

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
  const picked = Object.fromEntries(namespaces.map((name) => [name, messages[name]]));
  return (
    <NextIntlClientProvider locale={locale} messages={picked}>
      {children}
    </NextIntlClientProvider>
  );
}
