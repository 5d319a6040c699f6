import { recordingConsent } from "./consent";
import type { Region } from "./types";

/** The words to say; one sentence the user can read out as-is. */
export const RECORDING_ANNOUNCEMENT = "I am recording this call for my records.";

/**
 * The sentence the UI shows before a call. Saying the announcement is always good practice
 * (the representative may be somewhere stricter), so the difference between the rules is
 * whether it is required or recommended; an unknown region is treated as all-party.
 */
export function recordingAdvice(region: Region): string {
  const consent = recordingConsent(region);
  if (consent?.rule === "one_party") {
    return `You may record this call. It is still best to tell the representative: '${RECORDING_ANNOUNCEMENT}'`;
  }
  if (!consent) {
    return `We do not know the recording rules where you are, so assume everyone must agree. Tell the representative: '${RECORDING_ANNOUNCEMENT}'`;
  }
  return `Tell the representative: '${RECORDING_ANNOUNCEMENT}'`;
}
