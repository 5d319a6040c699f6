/**
 * A backup code as typed (any case, with spaces or without dashes) in the form it was issued
 * (packages/auth/src/two-factor.ts `newBackupCode`: four groups of six).
 */
export function normalizeBackupCode(typed: string) {
  const symbols = typed.toLowerCase().replace(/[^a-z0-9]/g, "");
  return symbols.length === 24 ? symbols.match(/.{6}/g)!.join("-") : typed.trim();
}
