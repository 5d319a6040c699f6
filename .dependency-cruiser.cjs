// Import rules checked by `pnpm check` (dependency-cruiser). A cycle is refused even when it is
// made of type-only imports: the two files still cannot be read, moved or split one at a time.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-import-cycle",
      severity: "error",
      comment: "Break the cycle: move what both files need into a third one they both import.",
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    exclude: { path: "(^|/)(node_modules|\\.next|\\.cache|dist|migrations)/" },
    doNotFollow: { path: "(^|/)node_modules/" },
    // Type-only imports (`import type`) are part of the graph.
    tsPreCompilationDeps: true,
    // For the web app's `~/` import root; no other package has paths.
    tsConfig: { fileName: `${__dirname}/apps/web/tsconfig.json` },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      extensions: [".ts", ".tsx", ".mts", ".js", ".mjs", ".cjs", ".json"],
    },
    cache: false,
  },
};
