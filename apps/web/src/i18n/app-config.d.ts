import type { CoreMessages, Locale } from "@caseward/core";

import type webMessages from "../../messages/en";

// Typed messages: a key that is not in the English catalogue fails the typecheck.
declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: CoreMessages & typeof webMessages;
  }
}
