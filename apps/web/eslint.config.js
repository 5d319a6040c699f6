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
  // The production server and the build's compression step: JavaScript that Node runs as is,
  // type-checked through tsconfig.json (checkJs), which also knows Node's globals.
  { files: ["*.mjs", "scripts/*.mjs"], rules: { "no-undef": "off" } },
];
