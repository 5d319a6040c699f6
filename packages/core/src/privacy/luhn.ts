/**
 * Luhn (mod 10) check over a string of ASCII digits. Payment cards (ISO/IEC 7812-1 Annex B)
 * and Canadian SINs use the same algorithm, so one function serves both.
 */
export function passesLuhn(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}
