import base from "@caseward/eslint-config/base";
import react from "@caseward/eslint-config/react";

export default [
  ...base,
  ...react,
  {
    ignores: [
      ".next/**",
      "next-env.d.ts",
      "e2e/.auth/**",
      "playwright-report/**",
      "test-results/**",
    ],
  },
];
