import base from "@caseward/eslint-config/base";

export default base;
