// Zod compiles object parsers with `new Function` when the page allows eval. Our
// Content-Security-Policy does not, and its probe would be reported as a violation, so the
// browser parses without it. Imported first by the root providers, before any schema exists.
//
// Set without importing zod: its configuration is one object on `globalThis` (zod 4 shares it
// between copies of the library), so pages whose first load has no schema (the dashboard, the
// sign-in page) do not load zod's 109 KiB for this line. zod-jitless.test.ts checks that zod
// reads it.
type ZodGlobalConfig = { jitless?: boolean };
const scope = globalThis as typeof globalThis & { __zod_globalConfig?: ZodGlobalConfig };
scope.__zod_globalConfig = Object.assign(scope.__zod_globalConfig ?? {}, { jitless: true });
