export type { ConsentRule, RecordingConsent, Region } from "./types";
export { recordingConsent } from "./consent";
export { recordingAdvice, RECORDING_ANNOUNCEMENT } from "./advice";
