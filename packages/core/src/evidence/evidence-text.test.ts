import { describe, expect, it } from "vitest";

import {
  deadlineStatusLabel,
  evidenceSections,
  representativeText,
  transcriptTitle,
} from "./evidence-text";

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
