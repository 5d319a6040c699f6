"use client";

import { DetailsOnOpen } from "@caseward/ui";
import { useTranslations } from "next-intl";
import dynamic from "next/dynamic";

import { preloadProps } from "~/lib/preload";

// The form comes when the details are first opened or pointed at, not with the page.
const loadForm = () => import("~/components/contact-time-form");
const ContactTimeForm = dynamic(() => loadForm().then((module) => module.ContactTimeForm), {
  ssr: false,
});

/** "Change the time" under a contact of the timeline. */
export function ContactTimeEditor({
  contactId,
  startedAt,
}: {
  contactId: string;
  startedAt: Date;
}) {
  const t = useTranslations("ContactForm");
  return (
    <DetailsOnOpen
      className="mt-2 text-sm"
      summaryClassName="cursor-pointer text-muted-foreground"
      summary={t("changeTime")}
      {...preloadProps(loadForm)}
    >
      <ContactTimeForm contactId={contactId} startedAt={startedAt} />
    </DetailsOnOpen>
  );
}
