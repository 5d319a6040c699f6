import { describe, expect, it, vi } from "vitest";

import type * as redFlags from "../privacy/red-flags";
import type { EvidenceContact } from "./evidence-pack";
import {
  contactFields,
  deadlineStatusLabel,
  evidenceSections,
  representativeText,
  transcriptTitle,
} from "./evidence-text";

// Counts how often the red flags' words are read (see "a pack's red flags" below).
const redFlagReads = vi.hoisted(() => ({ count: 0 }));
vi.mock("../privacy/red-flags", async (importOriginal) => {
  const original = await importOriginal<typeof redFlags>();
  return {
    ...original,
    redFlagDetailsIn: (...args: Parameters<typeof original.redFlagDetailsIn>) => {
      redFlagReads.count += 1;
      return original.redFlagDetailsIn(...args);
    },
  };
});

// The dossier's words follow the pack's date style: "fr-CA" for a user whose Language is French.
describe("the evidence pack's words", () => {
  it.each([
    ["en-CA", "Timeline of contacts", "No deadline was set.", "Missed"],
    ["fr-CA", "Chronologie des contacts", "Aucune échéance n’a été fixée.", "Manquée"],
  ])("in %s", (locale, timeline, noDeadline, missed) => {
    const sections = evidenceSections(locale);
    expect(sections.timeline.title).toBe(timeline);
    expect(sections.deadlines.empty).toBe(noDeadline);
    expect(deadlineStatusLabel("missed", locale)).toBe(missed);
  });

  it("names the representative, or says they would not give a name", () => {
    const priya = { name: "Priya", id: "R-4411", declinedName: false };
    expect(representativeText(priya)).toBe("Priya (id R-4411)");
    expect(representativeText(priya, "fr-CA")).toBe("Priya (matricule R-4411)");
    expect(representativeText({ name: null, id: null, declinedName: true }, "fr-CA")).toBe(
      "N’a pas voulu donner son nom",
    );
  });

  it("says how much of a long transcript is kept", () => {
    const transcript = { excerpt: "x".repeat(4000), characters: 9000, truncated: true };
    expect(transcriptTitle(transcript)).toBe(
      "Transcript (excerpt: the first 4000 of 9000 characters)",
    );
    expect(transcriptTitle(transcript, "fr-CA")).toBe(
      "Transcription (extrait : les 4000 premiers caractères sur 9000)",
    );
  });
});

describe("a pack's red flags", () => {
  const contact = (number: number): EvidenceContact => ({
    number,
    startedAt: "2026-11-02T15:00:00Z",
    endedAt: null,
    durationMinutes: 12,
    direction: "outbound",
    channel: { kind: "phone", value: "1 888 433 6876" },
    representative: { name: "Priya", id: null, declinedName: false },
    referenceNumber: null,
    outcome: null,
    promise: null,
    notes: null,
    transcript: null,
    recorded: false,
    attachments: [],
    redFlags: ["pressure_to_act_now", "asked_password"],
    disclosures: [],
  });
  const valueOf = (fields: { label: string; value: string }[], label: string) =>
    fields.find((field) => field.label === label)?.value;

  it("are named in the pack's language, their words read once and not per contact", () => {
    const before = redFlagReads.count;
    const clock = { timeZone: "America/Toronto", locale: "fr-CA" };
    const french = [1, 2, 3, 4, 5].map((n) => contactFields(contact(n), clock));
    const english = contactFields(contact(6), { ...clock, locale: "en-CA" });
    expect(redFlagReads.count - before).toBe(0);
    expect(valueOf(french[4]!, "Signaux d’alarme")).toBe(
      "On vous a pressé d’agir sur-le-champ ; On vous a demandé votre mot de passe",
    );
    expect(valueOf(english, "Red flags")).toBe(
      "Pressured to act right now; Asked for your password",
    );
  });
});
