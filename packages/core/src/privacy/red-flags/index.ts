// Red flags: what each kind means (./rules.ts), the phrases and the scanner that find them in
// what was said (./phrases.ts, ./scanner.ts), and what to do (./advice.ts). Storing them on a
// contact and owing the email is ../red-flag-service.ts.
export { isInboundUnverified, redFlagKinds, redFlagMeanings } from "./rules";
export type { RedFlagKind, RedFlagMeaning } from "./rules";
export { redFlagAdvice, redFlagDetails, redFlagDetailsIn } from "./advice";
export type { RedFlagDetails } from "./advice";
export { scanForRedFlags } from "./scanner";
