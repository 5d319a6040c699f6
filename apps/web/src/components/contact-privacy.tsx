"use client";

import { DetailsOnOpen } from "@caseward/ui";
import { useTranslations } from "next-intl";
import dynamic from "next/dynamic";

import type { Disclosure, Flag } from "~/components/contact-privacy-lists";
import type { DisclosureContext } from "~/components/disclosure-form";
import { preloadProps } from "~/lib/preload";

// The form (the warning signs' advice, the disclosure fields and their schemas) comes when the
// details are first opened or pointed at: a case's twenty contacts each have one, closed.
const loadForm = () => import("~/components/contact-privacy-form");
const ContactPrivacyForm = dynamic(() => loadForm().then((module) => module.ContactPrivacyForm), {
  ssr: false,
});
// The lists of what was marked or given: most contacts have none, and then no script for them.
const PrivacyLists = dynamic(() =>
  import("~/components/contact-privacy-lists").then((module) => module.PrivacyLists),
);

/** A contact's red flags and disclosures on the timeline, and adding either after the fact. */
export function ContactPrivacy({
  contactId,
  context,
  redFlags,
  disclosures,
  onChange,
}: {
  contactId: string;
  context: DisclosureContext;
  redFlags: Flag[];
  disclosures: Disclosure[];
  onChange: () => void;
}) {
  const t = useTranslations("Disclosures");
  return (
    <div className="mt-3 space-y-2 text-sm">
      {(redFlags.length > 0 || disclosures.length > 0) && (
        <PrivacyLists redFlags={redFlags} disclosures={disclosures} />
      )}
      <DetailsOnOpen
        className="rounded-md border border-dashed border-border p-2 print:hidden"
        summaryClassName="cursor-pointer text-muted-foreground"
        summary={t("recordSummary")}
        {...preloadProps(loadForm)}
      >
        <ContactPrivacyForm
          contactId={contactId}
          context={context}
          marked={redFlags.map((f) => f.kind)}
          onChange={onChange}
        />
      </DetailsOnOpen>
    </div>
  );
}
