// What this package reads from the environment, read when asked rather than at import: the
// tools and tests that set ENCRYPTION_KEYS do it after loading the package, and `next build`
// loads it with no environment. The web and the worker validate both at start
// (@caseward/core/env).

/** The key ring text (`id:base64key,…`), or undefined when unset or empty. */
export const encryptionKeysFromEnv = () => process.env.ENCRYPTION_KEYS || undefined;

/** The database of the migration command, or undefined when unset or empty. */
export const databaseUrlFromEnv = () => process.env.DATABASE_URL || undefined;
