import type { RecordingConsent } from "./types";

/**
 * Recording a call you take part in, on your own device, is not "interception" under the
 * Investigatory Powers Act (s. 4: it needs someone other than the sender or recipient), and a
 * purely personal recording is outside data protection law. Businesses that record are under
 * separate monitoring regulations and UK GDPR, which is why the company announces its own.
 */
// Source: Investigatory Powers Act 2016 ss. 3–4; UK GDPR art. 2 (household exemption).
export const UNITED_KINGDOM: RecordingConsent = {
  rule: "one_party",
  summary:
    "In the United Kingdom you may record a call you take part in for your own records without asking; sharing the recording, or recording for a business, falls under data protection rules. Still tell the representative you are recording.",
  source:
    "Investigatory Powers Act 2016 ss. 3–4 — https://www.legislation.gov.uk/ukpga/2016/25/section/3; UK GDPR art. 2 (personal or household activity)",
};
