import { randomBytes } from "node:crypto";

/**
 * The bench's key ring: the bench process seeds encrypted rows that the stack it starts then
 * reads, so both use this one (`ENCRYPTION_KEYS` when set, else a key made for this run).
 */
export function benchKeyRing(): string {
  process.env.ENCRYPTION_KEYS ??= `bench:${randomBytes(32).toString("base64")}`;
  return process.env.ENCRYPTION_KEYS;
}
