// The catalogues as pages see them, for tests: core's namespaces merged with the web's (see
// request.ts), and every message by its dotted key.
import { coreMessages } from "@caseward/core";
import type { locales } from "@caseward/core/i18n";

import en from "../../messages/en";
import frCA from "../../messages/fr-CA";

export type Catalogue = { [key: string]: string | Catalogue };

export const catalogues: Record<(typeof locales)[number], Catalogue> = {
  en: { ...coreMessages.en, ...en },
  "fr-CA": { ...coreMessages["fr-CA"], ...frCA },
};

/** Every message of a catalogue by its dotted key ("Auth.email"). */
export function flatten(catalogue: Catalogue, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(catalogue)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}
