import { describe, expect, it } from "vitest";
import { z } from "zod";

import * as schemas from "./schemas";
import { fieldErrorsIn, fieldNameOf, sentenceIn } from "./zod-messages";

// Zod's own English phrases (zod/v4/locales/en): none may reach a user.
const zodDefaultPhrases = [
  /^Invalid input/,
  /^Invalid option/,
  /^Invalid (string|email|UUID|URL|ISO|key|element)/,
  /^Too (big|small)/,
  /expected .+, received/,
  /^Unrecognized key/,
  /^Number must be/,
  /^String must/,
  /^Required$/,
];

const inputSchemas: [string, z.ZodType][] = Object.entries(
  schemas as Record<string, unknown>,
).filter((entry): entry is [string, z.ZodType] => entry[1] instanceof z.ZodType);

/** Bad values of every kind, for each key the object schema names (and for the whole input). */
function badInputs(schema: z.ZodType): unknown[] {
  const wrong = [undefined, null, 42, "", "x", "x".repeat(250_001), true, [], {}, -1, 1.5];
  const keys = schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
  return [
    ...wrong,
    { unexpected: 1 },
    ...wrong.map((value) => Object.fromEntries(keys.map((key) => [key, value]))),
    ...keys.flatMap((key) => wrong.map((value) => ({ [key]: value }))),
  ];
}

describe("every input schema speaks in sentences", () => {
  it("finds the exported input schemas", () => {
    expect(inputSchemas.length).toBeGreaterThan(30);
  });

  it.each(inputSchemas)("%s: no zod default phrase for any bad input", (_name, schema) => {
    const messages = new Set<string>();
    for (const input of badInputs(schema)) {
      const result = schema.safeParse(input);
      if (!result.success) for (const issue of result.error.issues) messages.add(issue.message);
    }
    for (const message of messages) {
      // Every one of them said in French too (a sentence missing from the catalogue stays English).
      const french = sentenceIn(message, "fr-CA");
      expect(french, message).not.toBe(message);
      expect(french).toMatch(/^[A-ZÀ-Ý«“"]/);
      expect(french).toMatch(/[.?!”)…»]$/);
      for (const phrase of zodDefaultPhrases) expect(message).not.toMatch(phrase);
      // A sentence: a capital first, a full stop (or question mark) last.
      expect(message).toMatch(/^[A-Z“"]/);
      expect(message).toMatch(/[.?!”)…]$/);
    }
  });
});

describe("field names in messages", () => {
  it.each([
    [["representativeName"], "representative's name"],
    [["answers", 0, "answer"], "answer"],
    [["closingNote"], "closing note"],
    [["someNewField"], "some new field"],
    [[], "this field"],
  ])("%j → %s", (path, name) => {
    expect(fieldNameOf(path)).toBe(name);
  });

  it("a missing required string is asked for by name", () => {
    const result = z.object({ referenceNumber: z.string() }).safeParse({});
    expect(result.error?.issues[0]?.message).toBe("Fill in the reference number.");
  });

  it("a too-long string says the limit", () => {
    const result = z.object({ title: z.string().max(10) }).safeParse({ title: "x".repeat(11) });
    expect(result.error?.issues[0]?.message).toBe("Keep the title under 10 characters.");
  });
});

describe("messages in the user's language", () => {
  it.each([
    ["Fill in the reference number.", "Remplissez le numéro de référence."],
    ["Fill in this field.", "Remplissez ce champ."],
    ["Keep the title under 10 characters.", "Limitez le titre à 10 caractères."],
    [
      "Keep the transcript under 200,000 characters.",
      "Limitez la transcription à 200 000 caractères.",
    ],
    [
      "The answers is not in a form Caseward understands. Check it and try again.",
      "Vérifiez les réponses : Caseward ne comprend pas ce qui a été saisi. Réessayez ensuite.",
    ],
    ["Fill in the some new field.", "Remplissez ce champ."],
    ["Enter the company's name.", "Entrez le nom de l’entreprise."],
    ["Say in a few words what the problem is.", "Décrivez le problème en quelques mots."],
    ["Enter the closing time as HH:MM.", "Entrez l’heure de fermeture au format HH:MM."],
    [
      "Pick your province or state in Canada from the list.",
      "Choisissez votre province ou État (Canada) dans la liste.",
    ],
    ["A sentence nobody wrote.", "A sentence nobody wrote."],
    ["Enter a sentence nobody wrote.", "Enter a sentence nobody wrote."],
  ])("%s → %s", (english, french) => {
    // French writes 200 000 with a no-break space (narrow or not, by ICU version).
    expect(sentenceIn(english, "fr-CA").replace(/[\u00a0\u202f]/g, " ")).toBe(french);
    expect(sentenceIn(english, "en")).toBe(english);
  });

  it("a failed parse's field messages in either language", () => {
    const result = z.object({ referenceNumber: z.string() }).safeParse({});
    expect(fieldErrorsIn(result.error!, "en")).toEqual({
      referenceNumber: ["Fill in the reference number."],
    });
    expect(fieldErrorsIn(result.error!, "fr-CA")).toEqual({
      referenceNumber: ["Remplissez le numéro de référence."],
    });
  });
});
