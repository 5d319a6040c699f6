"use client";

import type { ReadinessItem } from "@caseward/core/schemas";
import { parseChannelChoice } from "@caseward/core/schemas";
import {
  Alert,
  Button,
  Card,
  CardContent,
  Checkbox,
  Field,
  Kbd,
  Label,
  NativeSelect,
  PageHeader,
} from "@caseward/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import Link from "next/link";
import { useRouter } from "next/navigation";
import type { ReactNode } from "react";
import { memo, useCallback, useEffect, useMemo } from "react";

import { useTranslations } from "~/i18n/translations";
import type { DisclosureContext } from "~/components/disclosure-form";
import { FormErrorSummary } from "~/components/form-error-summary";
import type { FieldErrors } from "~/lib/form-errors";
import { firstError, useChecksOnUse, useFormErrors } from "~/lib/form-errors";
import { usePreloadWhenIdle } from "~/lib/preload";
import { useClock } from "~/lib/time";
import { useDraft } from "~/lib/use-draft";
import type { AppRouter } from "~/trpc/root";
import { useTRPC } from "~/trpc/react";
import type { PickableChannel } from "./channel-picker";
import { ChannelPicker } from "./channel-picker";
import { QuestionChecklist } from "./question-checklist";
import { ReadinessCheck } from "./readiness-check";
import { SecretField } from "~/components/secret-field";
import { SessionClock } from "./session-clock";
import type { SetDraft, TextKey } from "./session-details";
import { SessionDetails, textField } from "./session-details";
import type { QuestionAnswers, SessionDraft } from "./session-draft";
import { contactOfDraft, newSessionDraft } from "./session-draft";

type FoundCase = inferRouterOutputs<AppRouter>["case"]["byId"];

/** What the session uses of the case: the server page sends only this. */
export interface SessionCase extends Pick<FoundCase, "title" | "questions"> {
  channels: PickableChannel[];
  company: Pick<FoundCase["company"], "id" | "name" | "willingToShare">;
}

/**
 * The readiness check for each choice the session can still change, worked out on the server:
 * by the picked channel's status ("none" for a kind only), then the representative noted or not.
 */
export type ReadinessChoices = Record<
  "verified" | "unverified" | "suspicious" | "none",
  { noted: ReadinessItem[]; notNoted: ReadinessItem[] }
>;

const loadChecks = () => import("./session-checks");

/** The screen used during a call or chat: it fills the contact as it happens. */
export function ContactSession({
  caseId,
  found,
  region: settings,
  checklist,
  limits,
  readiness: readinessChoices,
  recordingRule,
}: {
  caseId: string;
  found: SessionCase;
  /** The user's region (the disclosure advice of its country). */
  region: { country: string; subdivision: string | null };
  /** The company's privacy checklist answers (the disclosure form shows them). */
  checklist: DisclosureContext["checklist"];
  /** The server's limits, read from the schema it parses with. */
  limits: Partial<Record<keyof SessionDraft, number>>;
  readiness: ReadinessChoices;
  /** The region's recording-consent rule, written on the server. */
  recordingRule: ReactNode;
}) {
  const t = useTranslations("ContactSession");
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const clock = useClock();
  const [draft, setDraft, { clear }] = useDraft<SessionDraft>(`caseward:session:${caseId}`, () =>
    newSessionDraft(found.channels),
  );
  const { formRef, errors, show, showServerError, clear: clearErrors, recheck } = useFormErrors();
  const checks = useChecksOnUse(loadChecks);
  usePreloadWhenIdle(checks.load);
  const set: SetDraft = useCallback(
    (key, value) => setDraft((current) => ({ ...current, [key]: value })),
    [setDraft],
  );
  const setAnswers = useCallback((answers: QuestionAnswers) => set("answers", answers), [set]);
  // Stable while the props are: the details below keep their server HTML until they hydrate.
  const disclosureContext = useMemo(
    () => ({
      companyId: found.company.id,
      companyName: found.company.name,
      country: settings.country,
      willingToShare: found.company.willingToShare,
      checklist,
    }),
    [found.company, settings.country, checklist],
  );

  const save = useMutation(
    trpc.contact.log.mutationOptions({
      onSuccess: async (contact) => {
        clear();
        // A contact changes the case, its status on the dashboard and the search index.
        await queryClient.invalidateQueries();
        router.push(`/cases/${caseId}#contact-${contact.id}`);
      },
      onError: showServerError,
    }),
  );
  const contact = () => contactOfDraft(caseId, draft, found.channels, clock.fromInput);

  // A message goes as soon as the draft no longer earns it ("Keep only the last digits").
  useEffect(() => {
    recheck(checks.loaded.current?.logContactInput, () =>
      contactOfDraft(caseId, draft, found.channels, clock.fromInput),
    );
  }, [recheck, checks, caseId, draft, found.channels, clock.fromInput]);

  function submit() {
    const input = contact();
    // The schema (and zod) come after the page, at the latest with the first save.
    checks.load().then((loaded) => {
      const result = loaded.validate(loaded.logContactInput, input);
      if (!result.ok) return show(result.errors);
      clearErrors();
      save.mutate(result.data);
    }, showServerError);
  }

  return (
    <form
      ref={formRef}
      aria-label={t("title")}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
      onKeyDown={(event) => {
        if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
          event.preventDefault();
          submit();
        }
      }}
      className="space-y-6 pb-24"
    >
      <SessionFields
        caseId={caseId}
        found={found}
        limits={limits}
        readinessChoices={readinessChoices}
        draft={draft}
        set={set}
        setAnswers={setAnswers}
        errors={errors}
        inputZone={clock.inputZone}
        disclosureContext={disclosureContext}
        recordingRule={recordingRule}
      />
      <div className="fixed inset-x-0 bottom-0 z-10 border-t border-border bg-background/95 backdrop-blur md:left-60">
        <div className="mx-auto flex max-w-6xl items-center justify-between gap-3 px-4 py-3 sm:px-6">
          {Object.keys(errors).length > 0 ? (
            // At phone width the bar says how many; each message is beside its field.
            <FormErrorSummary
              errors={errors}
              className="max-h-28 overflow-y-auto [&_ul]:hidden sm:[&_ul]:block"
            />
          ) : (
            <p className="hidden text-xs text-muted-foreground sm:block">
              {t.rich("draftNote", { kbd: (chunks) => <Kbd>{chunks}</Kbd> })}
            </p>
          )}
          <Button type="submit" loading={save.isPending} className="ml-auto">
            {t("save")}
          </Button>
        </div>
      </div>
    </form>
  );
}

/**
 * The session's fields, memoised: rendered again when the draft, its messages or the zone
 * named beside a time change, not when only the clock's settings object does (the browser's
 * own zone becomes known right after hydrating, and that update is synchronous).
 */
const SessionFields = memo(function SessionFields({
  caseId,
  found,
  limits,
  readinessChoices,
  draft,
  set,
  setAnswers,
  errors,
  inputZone,
  disclosureContext,
  recordingRule,
}: {
  caseId: string;
  found: SessionCase;
  limits: Partial<Record<keyof SessionDraft, number>>;
  readinessChoices: ReadinessChoices;
  draft: SessionDraft;
  set: SetDraft;
  setAnswers: (answers: QuestionAnswers) => void;
  errors: FieldErrors;
  inputZone: string | null;
  disclosureContext: DisclosureContext;
  recordingRule: ReactNode;
}) {
  const t = useTranslations("ContactSession");
  const picked = parseChannelChoice(draft.channel, found.channels).channel;
  const inboundUnverified = draft.direction === "inbound" && picked?.status !== "verified";
  const representativeNoted =
    draft.representativeName.trim() !== "" || draft.representativeDeclinedName;
  const readiness =
    readinessChoices[picked?.status ?? "none"][representativeNoted ? "noted" : "notNoted"];
  const text = (key: TextKey) => textField(key, draft, set, errors, limits);
  const error = (field: string) => firstError(errors, field);

  return (
    <>
      <PageHeader
        title={t("title")}
        description={t.rich("caseAndCompany", {
          title: found.title,
          company: found.company.name,
          case: (chunks) => (
            <Link href={`/cases/${caseId}`} className="font-medium text-foreground hover:underline">
              {chunks}
            </Link>
          ),
        })}
        actions={<SessionClock startedAt={new Date(draft.startedAt)} />}
      />
      {/* On a phone, what is typed during the call comes first (the channel, who answered,
        the reference, the notes) and the questions follow; a desktop places them side by
        side. The source order is the phone's, so the tab order matches what is seen there. */}
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
        <Card className="lg:col-start-1 lg:row-start-2">
          <CardContent className="space-y-5 pt-6">
            <ChannelPicker
              channels={found.channels}
              value={draft.channel}
              onChange={(v) => set("channel", v)}
            />
            <Field label={t("direction")} htmlFor="session-direction">
              <NativeSelect
                id="session-direction"
                value={draft.direction}
                onChange={(e) => set("direction", e.target.value as SessionDraft["direction"])}
              >
                <option value="outbound">{t("outbound")}</option>
                <option value="inbound">{t("inbound")}</option>
              </NativeSelect>
            </Field>
            {inboundUnverified && (
              <Alert variant="danger" title={t("inboundUnverifiedTitle")}>
                {t("inboundUnverifiedText")}
              </Alert>
            )}
            <fieldset className="space-y-3">
              <legend className="text-sm font-medium">{t("representative")}</legend>
              <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
                <SecretField
                  label={t("representativeName")}
                  id="session-rep-name"
                  disabled={draft.representativeDeclinedName}
                  {...text("representativeName")}
                />
                <SecretField
                  label={t("representativeId")}
                  id="session-rep-id"
                  {...text("representativeId")}
                />
              </div>
              <div className="flex items-center gap-2">
                <Checkbox
                  id="session-declined"
                  checked={draft.representativeDeclinedName}
                  onChange={(e) => set("representativeDeclinedName", e.target.checked)}
                />
                <Label htmlFor="session-declined" className="font-normal">
                  {t("declinedName")}
                </Label>
              </div>
            </fieldset>
            <SecretField
              label={t("referenceNumber")}
              id="session-reference"
              {...text("referenceNumber")}
            />
          </CardContent>
        </Card>
        <Card className="lg:col-start-1 lg:row-start-3">
          <CardContent className="pt-6">
            <SecretField
              label={t("notes")}
              id="session-notes"
              multiline
              rows={6}
              hint={t("notesHint")}
              {...text("notes")}
            />
          </CardContent>
        </Card>
        <Card className="lg:col-start-2 lg:row-start-2">
          <CardContent className="space-y-5 pt-6">
            <QuestionChecklist
              questions={found.questions}
              answers={draft.answers}
              onChange={setAnswers}
              error={error("answers")}
            />
          </CardContent>
        </Card>
        <div className="min-w-0 lg:col-span-2 lg:row-start-1">
          <ReadinessCheck items={readiness} />
        </div>
        <SessionDetails
          draft={draft}
          set={set}
          errors={errors}
          limits={limits}
          inputZone={inputZone}
          inboundUnverified={inboundUnverified}
          disclosureContext={disclosureContext}
          recordingRule={recordingRule}
        />
      </div>
    </>
  );
});
