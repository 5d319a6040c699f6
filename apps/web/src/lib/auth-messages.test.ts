import { describe, expect, it } from "vitest";

import { authErrorMessage } from "./auth-messages";

const otherwise = "Could not create the account.";

describe("authErrorMessage: no library text reaches a user", () => {
  it.each([
    [
      { status: 403, code: "INVALID_ORIGIN", message: "Invalid origin" },
      /address Caseward was not set up for/,
    ],
    [
      { status: 400, code: "PASSWORD_TOO_SHORT", message: "Password too short" },
      /at least 12 characters/,
    ],
    [{ status: 429, message: "Too many requests. Please try again later." }, /Wait a few minutes/],
    [{ status: 500, message: "Failed to create user" }, /^Could not create the account\.$/],
    [{ status: 500 }, /^Could not create the account\.$/],
  ])("%j", (error, expected) => {
    const message = authErrorMessage(error, otherwise);
    expect(message).toMatch(expected);
    expect(message).not.toMatch(/^Invalid origin|too short$/);
  });

  it("keeps Caseward's own refusals, which are sentences", () => {
    const own = {
      status: 429,
      code: "TOO_MANY_FAILED_SIGN_INS",
      message: "Too many failed sign-ins. Try again in 15 minutes.",
    };
    expect(authErrorMessage(own, otherwise)).toBe(own.message);
    const password = {
      status: 400,
      message: "This password is one of the most common ones: choose another.",
    };
    expect(authErrorMessage(password, otherwise)).toBe(password.message);
  });

  it("says better-auth's refusals in the page's language", () => {
    const expired = { status: 400, code: "TOKEN_EXPIRED", message: "Token expired" };
    expect(authErrorMessage(expired, otherwise, "fr-CA")).toBe(
      "Ce lien a expiré. Demandez-en un nouveau.",
    );
    expect(authErrorMessage(expired, otherwise, "en")).toBe(
      "This link has expired. Ask for a new one.",
    );
    expect(authErrorMessage({ status: 429 }, otherwise, "fr-CA")).toMatch(/^Trop de tentatives/);
    const locked = {
      status: 429,
      code: "TOO_MANY_FAILED_SIGN_INS",
      message: "Too many failed sign-ins. Try again in 15 minutes.",
    };
    expect(authErrorMessage(locked, otherwise, "fr-CA")).toBe(
      "Trop de connexions échouées. Réessayez dans 15 minutes.",
    );
    const common = { status: 400, code: "PASSWORD_TOO_COMMON", message: "This password is…" };
    expect(authErrorMessage(common, otherwise, "fr-CA")).toMatch(/10 000 plus courants/);
  });
});
