// Issue 20: a refusal reaches the user in their language — the signed-in user's setting, else
// the sign-in page's choice (its cookie), else Accept-Language — through the tRPC route handler.
import { createTestUser } from "@caseward/core/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import {
  fieldErrorsOf,
  messageOf,
  mockServerModules,
  sessionOf,
  trpcOverHttp,
} from "~/testing/server";

const { fake, db, closeDb } = await mockServerModules();
const trpcRoute = await import("~/app/api/trpc/[trpc]/route");
const { base, headersOf, mutate } = trpcOverHttp(trpcRoute);

beforeAll(async () => {
  const { updateSettings } = await import("@caseward/core");
  const english = await createTestUser(db, "Ada Anglais");
  const french = await createTestUser(db, "Fanny Français");
  fake.sessions.set("english", sessionOf(english));
  fake.sessions.set("french", sessionOf(french));
  await updateSettings(db, french.id, {
    timeZone: "America/Toronto",
    country: "CA",
    subdivision: "QC",
    locale: "fr-CA",
  });
});

afterAll(async () => {
  await closeDb();
});

describe("refusals in the user's language", () => {
  it.each([
    ["english", "Some fields need attention.", "Say in a few words what the problem is."],
    ["french", "Certains champs sont à vérifier.", "Décrivez le problème en quelques mots."],
  ])("a bad input for %s", async (who, message, titleError) => {
    const answer = await mutate(
      "case.open",
      { companyId: "00000000-0000-4000-8000-000000000000", title: "x" },
      who,
    );
    expect(answer.status).toBe(400);
    expect(messageOf(answer.text)).toBe(message);
    expect(fieldErrorsOf(answer.text)?.title).toEqual([titleError]);
  });

  it.each([
    ["english", "Company not found."],
    ["french", "Entreprise introuvable."],
  ])("a refusal of the domain for %s", async (who, message) => {
    const answer = await mutate(
      "case.open",
      { companyId: "00000000-0000-4000-8000-000000000000", title: "Refund" },
      who,
    );
    expect(answer.status).toBe(404);
    expect(messageOf(answer.text)).toBe(message);
  });

  it.each([
    [{}, "Sign in to continue."],
    [{ "accept-language": "fr-CA,fr;q=0.9,en;q=0.5" }, "Connectez-vous pour continuer."],
    [{ "accept-language": "fr-CA", cookie: "locale=en" }, "Sign in to continue."],
  ])("before sign-in, headers %j", async (headers, message) => {
    const response = await trpcRoute.POST(
      new Request(`${base}/case.open`, {
        method: "POST",
        headers: { ...headersOf("nobody"), ...headers },
        body: JSON.stringify({
          json: { companyId: "00000000-0000-4000-8000-000000000000", title: "Refund" },
        }),
      }),
    );
    expect(response.status).toBe(401);
    expect(messageOf(await response.text())).toBe(message);
  });
});
