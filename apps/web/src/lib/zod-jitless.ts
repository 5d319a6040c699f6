import { z } from "zod";

// Zod compiles object parsers with `new Function` when the page allows eval. Our
// Content-Security-Policy does not, and its probe would be reported as a violation, so the
// browser parses without it. Imported first by the root providers, before any schema exists.
z.config({ jitless: true });
