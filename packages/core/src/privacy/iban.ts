/**
 * Finds IBANs so their digits are not mistaken for a card or an id. An IBAN is not one of
 * the secrets we refuse (it is what people give to receive a refund), and its BBAN often
 * looks like a grouped card ("DE89 3704 0044 0532 0130 00"). Only IBANs that pass the
 * ISO 13616 mod-97 check are excluded, so a random "XX00 ..." prefix cannot hide a card.
 */

export interface TextSpan {
  start: number;
  end: number;
}

// ISO 13616: 2 letters, 2 check digits, then up to 30 alphanumerics; shortest is Norway (15).
const MIN_BBAN = 11;
const MAX_BBAN = 30;

const isDigitCode = (c: number) => c >= 48 && c <= 57;
const isLetterCode = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isAlnumCode = (c: number) => isDigitCode(c) || isLetterCode(c);

/** The IBAN digit value of one character: digits as-is, letters A=10 … Z=35. */
function charValue(code: number): number {
  if (isDigitCode(code)) return code - 48;
  return (code | 0x20) - 97 + 10;
}

/** remainder * 10^(width of value) + value, mod 97, where value is one IBAN character. */
function appendMod97(remainder: number, code: number): number {
  const value = charValue(code);
  return (remainder * (value >= 10 ? 100 : 10) + value) % 97;
}

function ibanAt(text: string, start: number): TextSpan | null {
  const c0 = text.charCodeAt(start);
  const c1 = text.charCodeAt(start + 1);
  const c2 = text.charCodeAt(start + 2);
  const c3 = text.charCodeAt(start + 3);
  if (!isLetterCode(c0) || !isLetterCode(c1) || !isDigitCode(c2) || !isDigitCode(c3)) return null;

  let bbanRemainder = 0;
  let count = 0;
  let pos = start + 4;
  let best: TextSpan | null = null;
  while (pos < text.length && count <= MAX_BBAN) {
    const code = text.charCodeAt(pos);
    if (isAlnumCode(code)) {
      bbanRemainder = appendMod97(bbanRemainder, code);
      count++;
      pos++;
      const next = text.charCodeAt(pos);
      // A candidate end is wherever the alphanumeric group stops.
      if (!isAlnumCode(next) && count >= MIN_BBAN && count <= MAX_BBAN) {
        // Rearranged IBAN = BBAN + country letters + check digits; valid when ≡ 1 (mod 97).
        let r = bbanRemainder;
        for (const c of [c0, c1, c2, c3]) r = appendMod97(r, c);
        if (r === 1) best = { start, end: pos };
      }
      continue;
    }
    // Printed IBANs group by four with one space; allow a space only at a group boundary.
    if (code === 32 && count % 4 === 0 && isAlnumCode(text.charCodeAt(pos + 1))) {
      pos++;
      continue;
    }
    break;
  }
  return best;
}

/** Every valid IBAN in the text, in order, without overlaps. Linear: each start scans ≤ ~42 chars. */
export function ibanSpans(text: string): TextSpan[] {
  const spans: TextSpan[] = [];
  let i = 0;
  while (i < text.length - 3) {
    // IBANs start at a word boundary; "ABDE89…" is not an IBAN starting at "DE".
    if (i === 0 || !isAlnumCode(text.charCodeAt(i - 1))) {
      const span = ibanAt(text, i);
      if (span) {
        spans.push(span);
        i = span.end;
        continue;
      }
    }
    i++;
  }
  return spans;
}
