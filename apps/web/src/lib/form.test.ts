import { openCaseInput } from "@caseward/core/schemas";
import { TRPCClientError } from "@trpc/client";
import { describe, expect, it } from "vitest";

import { retryQuery } from "~/trpc/query-client";

import { errorsFromServer, stillWrong, validate } from "./form";

describe("stillWrong: a message goes as soon as its cause is fixed", () => {
  it.each([
    {
      name: "a fixed field loses its message",
      shown: { notes: ["This looks like a full card number."] },
      now: {},
      kept: {},
    },
    {
      name: "a field still wrong keeps the message of what is wrong now",
      shown: { notes: ["This looks like a full card number."] },
      now: { notes: ["Keep the notes under 20,000 characters."] },
      kept: { notes: ["Keep the notes under 20,000 characters."] },
    },
    {
      name: "a field nobody was told about gets no message before the next save",
      shown: { notes: ["This looks like a full card number."] },
      now: { notes: ["This looks like a full card number."], title: ["Fill in the title."] },
      kept: { notes: ["This looks like a full card number."] },
    },
    {
      name: "a message about the whole form goes at the first change",
      shown: { _form: ["Something went wrong. Please try again."] },
      now: {},
      kept: {},
    },
  ])("$name", ({ shown, now, kept }) => {
    expect(stillWrong(shown, now)).toEqual(kept);
  });
});

/** What the tRPC client throws when the server answered with `status` (or never answered). */
const clientError = (message: string, httpStatus?: number) =>
  httpStatus === undefined
    ? TRPCClientError.from(new TypeError(message))
    : TRPCClientError.from({
        error: {
          message,
          code: -32600,
          data: { code: "X", httpStatus, path: "case.get", fieldErrors: null },
        },
      });

describe("errorsFromServer: only the server's own refusals reach the person", () => {
  it.each([
    {
      name: "a 4xx keeps its sentence",
      error: clientError("Unknown case.", 404),
      shown: "Unknown case.",
    },
    {
      name: "a failed fetch says the app could not be reached",
      error: clientError("Failed to fetch"),
      shown: "Caseward could not be reached. Check your connection, then try again.",
    },
    {
      name: "a 500 never shows its text",
      error: clientError('relation "cases" does not exist', 500),
      shown: "Something went wrong. Please try again.",
    },
    {
      name: "anything else",
      error: new Error("boom"),
      shown: "Something went wrong. Please try again.",
    },
  ])("$name", ({ error, shown }) => {
    expect(errorsFromServer(error)).toEqual({ _form: [shown] });
  });
});

describe("retryQuery: a refusal is shown at once, a failure is tried again", () => {
  it.each([
    { name: "not found", error: clientError("Unknown case.", 404), first: false },
    { name: "bad request", error: clientError("Unknown case.", 400), first: false },
    { name: "a 500", error: clientError("Something went wrong.", 500), first: true },
    { name: "a failed fetch", error: clientError("Failed to fetch"), first: true },
  ])("$name", ({ error, first }) => {
    expect(retryQuery(0, error)).toBe(first);
    expect(retryQuery(3, error)).toBe(false);
  });
});

describe("validate: a form's messages in the page's language", () => {
  it.each([
    ["en", "Say in a few words what the problem is.", "Pick the company this case is with."],
    [
      "fr-CA",
      "Décrivez le problème en quelques mots.",
      "Choisissez l’entreprise visée par ce dossier.",
    ],
  ] as const)("%s", (locale, title, company) => {
    const result = validate(openCaseInput, { title: "x" }, locale);
    expect(result).toEqual({ ok: false, errors: { title: [title], companyId: [company] } });
  });
});
