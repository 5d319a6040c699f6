import { describe, expect, it } from "vitest";

import type { BusinessCalendar } from "../calendar/business-time";
import { proposePromise, proposeReference } from "./proposals";

describe("the company's reference number, proposed for the contact", () => {
  const cases: [string, string, string | null][] = [
    ["Your Rogers case #CS-48213", "", "CS-48213"],
    ["", "Your case number is CS-48213.", "CS-48213"],
    ["Ticket 5521907 - Internet outage", "", "5521907"],
    ["", "received under reference RF-300812.", "RF-300812"],
    ["", "Confirmation number: TN-C-104233.", "TN-C-104233"],
    ["", "Votre numéro de dossier est HL-884410.", "HL-884410"],
    ["", "Votre numéro de réclamation est le 5521907.", "5521907"],
    ["Billet 5521907 - Panne Internet", "", "5521907"],
    ["", "No de référence : RF-300812", "RF-300812"],
    ["", "N° de dossier : 4821-77", "4821-77"],
    ["", "Numéro de requête : REQ-20931", "REQ-20931"],
    ["", "Votre demande no 88213 a été reçue.", "88213"],
    ["", "This case is now resolved.", null],
    // A card number is never a reference, even after "reference".
    ["", "Reference 4111111111111111 on file.", null],
  ];
  it.each(cases)("%j / %j → %j", (subject, text, expected) => {
    expect(proposeReference(subject, text)).toBe(expected);
  });
});

describe("a promise in the text, proposed as a promise timer on the user's clock", () => {
  const calendar: BusinessCalendar = {
    timeZone: "America/Toronto",
    country: "CA",
    subdivision: "ON",
  };
  // Tuesday 1 December 2026, 10:14 in Toronto.
  const sentAt = new Date("2026-12-01T15:14:00Z");

  it("within 5 business days counts business days from when it was sent", () => {
    const found = proposePromise(
      "Hello Sam.\nA credit will be applied to your account within 5 business days.\nRegards",
      sentAt,
      calendar,
    );
    expect(found?.promise).toBe("A credit will be applied to your account within 5 business days.");
    // Tue 10:14 + 5 business days of 8 h = Tue 8 Dec 10:14 Toronto.
    expect(found?.dueAt.toISOString()).toBe("2026-12-08T15:14:00.000Z");
  });

  it("by December 10 means the end of that business day in the user's zone", () => {
    const found = proposePromise("A technician will call you by December 10.", sentAt, calendar);
    expect(found?.dueAt.toISOString()).toBe("2026-12-10T22:00:00.000Z");
  });

  it("reads French: d'ici le 15 décembre", () => {
    const found = proposePromise(
      "Un agent communiquera avec vous d'ici le 15 décembre.",
      sentAt,
      calendar,
    );
    expect(found?.dueAt.toISOString()).toBe("2026-12-15T22:00:00.000Z");
  });

  it("reads French business days: dans un délai de 3 jours ouvrables", () => {
    const found = proposePromise(
      "Nous vous répondrons dans un délai de 3 jours ouvrables.",
      sentAt,
      calendar,
    );
    expect(found?.dueAt.toISOString()).toBe("2026-12-04T15:14:00.000Z");
  });

  it("a threat with no date is no promise", () => {
    expect(proposePromise("Your account will be closed today.", sentAt, calendar)).toBeNull();
  });
});
