import { fullSecretsIn } from "./find-full-secret";
import type { FullSecretKind } from "./secret-shapes";

const MASK = "\u2022"; // •

/**
 * How many trailing digits stay visible. Cards keep the last 4 (what statements print). An id
 * keeps its last group: 4 for an SSN (123-45-6789), 3 for a SIN (046 454 286, or a plain
 * 9-digit run, which only ever matches as a SIN), so no middle digit of an id is shown.
 */
function visibleDigits(kind: FullSecretKind, written: string): number {
  if (kind === "payment_card") return 4;
  const lastGroup = /\d+$/.exec(written)?.[0] ?? "";
  return lastGroup.length === 4 ? 4 : 3;
}

/** Replaces digits with • except the last few, keeping the spaces and dashes as typed. */
function maskDigits(written: string, keep: number): string {
  let digitsSeen = 0;
  const total = written.replace(/\D/g, "").length;
  let out = "";
  for (const ch of written) {
    if (ch >= "0" && ch <= "9") {
      digitsSeen++;
      out += digitsSeen > total - keep ? ch : MASK;
    } else {
      out += ch;
    }
  }
  return out;
}

/**
 * The text with every full card or national id masked ("4111 1111 1111 1111" →
 * "•••• •••• •••• 1111"), offered to the user as "keep only the last 4 digits" instead of
 * a plain refusal. Text without a secret comes back unchanged.
 */
export function maskSecret(text: string): string {
  let out = "";
  let copied = 0;
  for (const match of fullSecretsIn(text)) {
    const written = text.slice(match.start, match.end);
    out +=
      text.slice(copied, match.start) + maskDigits(written, visibleDigits(match.kind, written));
    copied = match.end;
  }
  return out + text.slice(copied);
}
