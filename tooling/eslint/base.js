import js from "@eslint/js";
import tseslint from "typescript-eslint";

const envMessage = "Read the environment through this package's env module (src/env.ts).";

/** Shared flat config: type-checked rules for every package. */
export default tseslint.config(
  {
    ignores: [
      "**/dist/**",
      "**/.next/**",
      "**/.cache/**",
      "**/migrations/**",
      "**/*.config.*",
      "**/next-env.d.ts",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true } },
    rules: {
      "@typescript-eslint/consistent-type-imports": [
        "error",
        { prefer: "type-imports", fixStyle: "separate-type-imports" },
      ],
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
      "@typescript-eslint/no-misused-promises": [
        "error",
        { checksVoidReturn: { attributes: false } },
      ],
      "no-console": ["error", { allow: ["warn", "error"] }],
    },
  },
  // The environment is read in a package's env modules only, parsed once at the edge. Tests and
  // the fault-test stack set up their own processes' environment, so they are the edge too.
  {
    files: ["src/**/*.{ts,tsx}"],
    ignores: ["src/env.ts", "src/*-env.ts", "src/**/*.test.{ts,tsx}", "src/faults/**"],
    rules: {
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: envMessage },
      ],
      "no-restricted-imports": [
        "error",
        { name: "process", importNames: ["env"], message: envMessage },
        { name: "node:process", importNames: ["env"], message: envMessage },
      ],
    },
  },
);
