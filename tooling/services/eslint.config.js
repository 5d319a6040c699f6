import base from "@caseward/eslint-config/base";

// Test and service infrastructure is the edge, like scripts/: it starts processes and hands
// them their environment, so it reads and builds process.env itself.
export default [...base, { files: ["src/**/*.ts"], rules: { "no-restricted-properties": "off" } }];
