import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";

import { encryptionKeysFromEnv } from "../env";
import { KeyRingError, parseKeyRing } from "./key-ring";

/** The file `pnpm start` keeps the local key ring in, under the data folder. */
export const keyRingFile = (dataDir: string) => join(dataDir, "encryption-keys");

/**
 * The key ring text for a command-line tool: `ENCRYPTION_KEYS`, else the file `pnpm start`
 * made under the data folder; null when there is neither.
 */
export function keyRingText(dataDir: string): string | null {
  const fromEnv = encryptionKeysFromEnv();
  if (fromEnv) return fromEnv;
  const file = keyRingFile(dataDir);
  return existsSync(file) ? readFileSync(file, "utf8").trim() : null;
}

/** `ENCRYPTION_KEYS` as an env schema: a message that says what is wrong, never the key. */
export const encryptionKeysSchema = z
  .string("ENCRYPTION_KEYS is required: id:base64key,… (32 random bytes each, newest first).")
  .superRefine((text, ctx) => {
    try {
      parseKeyRing(text);
    } catch (error) {
      if (!(error instanceof KeyRingError)) throw error;
      ctx.addIssue({ code: "custom", message: error.message });
    }
  });
