import { describe, expect, it } from "vitest";

import { DomainError, domainErrorIn, invalidField, notFound, refusal } from "./errors";

describe("refusals in the user's language", () => {
  // prettier-ignore
  it.each([
    [notFound("Case"), "Case not found.", "Dossier introuvable."],
    [notFound("Breach report"), "Breach report not found.", "Avis de fuite de données introuvable."],
    [notFound("Gizmo"), "Gizmo not found.", "Gizmo not found."],
    [refusal("CONFLICT", "listChanged", { what: "channels" }), "The list of channels changed since you loaded it. Reload and try again.", "La liste des canaux a changé depuis que vous l’avez chargée. Rechargez la page et réessayez."],
    [refusal("CONFLICT", "companyCasesChanged", { company: "Rogers", cases: 1, expected: 3 }), "Rogers has 1 case now, not 3: look at what would be deleted again.", "Rogers a maintenant 1 dossier, et non 3 : revoyez ce qui serait supprimé."],
    [refusal("CONFLICT", "companyCasesChanged", { company: "Rogers", cases: 4, expected: 3 }), "Rogers has 4 cases now, not 3: look at what would be deleted again.", "Rogers a maintenant 4 dossiers, et non 3 : revoyez ce qui serait supprimé."],
    [refusal("BAD_REQUEST", "senderTooMany", { max: 5 }), "You can add up to 5 addresses. Remove one you no longer use first.", "Vous pouvez ajouter jusqu’à 5 adresses. Retirez d’abord une adresse que vous n’utilisez plus."],
    // No key: its English sentence, as the Validation catalogue knows it.
    [invalidField("country", "Pick your country from the list."), "Pick your country from the list.", "Choisissez votre pays dans la liste."],
    [new DomainError("BAD_REQUEST", "A sentence of nobody's."), "A sentence of nobody's.", "A sentence of nobody's."],
  ])("%#: %s", (error, english, french) => {
    expect(error.message).toBe(english);
    expect(domainErrorIn(error, "en").message).toBe(english);
    expect(domainErrorIn(error, "fr-CA").message).toBe(french);
  });

  it("says the field's message in the same language", () => {
    const error = refusal("BAD_REQUEST", "fileEmpty", {}, "file");
    expect(error.fieldErrors).toEqual({ file: ["This file is empty."] });
    expect(domainErrorIn(error, "fr-CA")).toEqual({
      message: "Ce fichier est vide.",
      fieldErrors: { file: ["Ce fichier est vide."] },
    });
  });
});
