import base from "@caseward/eslint-config/base";
import react from "@caseward/eslint-config/react";

export default [...base, ...react];
